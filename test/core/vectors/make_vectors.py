#!/usr/bin/env python3
"""Python-made vectors for test/core: the bytes Python's json.dumps(sort_keys=True) and hashlib produce.

Run from the repository root with Python 3 (stdlib only), then format with prettier:
    python3 test/core/vectors/make_vectors.py && npx prettier --write test/core/vectors
Output (the tests read these files, they never run Python):
    floats.json   repr(float) for named edge cases and seeded random doubles, each with its IEEE-754 bits
    values.json   JSON texts and json.dumps(json.loads(text), sort_keys=True)
    blocks.json   seeded random tutorial blocks: json.dumps(block, sort_keys=True) and its sha256 hex
    chains.json   4-block chains mined exactly like dvf/blockchain (D = 3) and their GET /chain text
Everything is deterministic (random.Random(SEED)); rerunning must give the same files.
"""
import hashlib
import json
import math
import os
import random
import struct
import sys

SEED = 20240611
OUT = os.path.dirname(os.path.abspath(__file__))


def dumps(obj):
    return json.dumps(obj, sort_keys=True)


def bits(f):
    return struct.pack('>d', f).hex()


def sha(text):
    return hashlib.sha256(text.encode()).hexdigest()


# ---------------------------------------------------------------- floats
NAMED_FLOATS = [
    0.0, -0.0, 0.1, 0.5, 2.5, -1.5, 5.0, 100.0, 1700000000.0, 1700000000.123456, 0.1 + 0.2, 1 / 3, 2 / 3,
    math.pi, math.e, 1e16, 9999999999999998.0, math.nextafter(1e16, math.inf), 1e15, 999999999999999.9,
    123456789012345.6, 1.2345678901234568e+17, 9e-05, 1.5e-07, 1e-4, math.nextafter(1e-4, 0),
    math.nextafter(1e-4, 1), 0.00011, 1e-5, 1e-7, -1e-5, 1e22, 1e21, 1e23, 5e-324, 2.2250738585072014e-308,
    2.225073858507201e-308, 1.7976931348623157e+308, -1.7976931348623157e+308, 1e308, 1e-300, 123e-20,
    2.0 ** 53, 2.0 ** 53 + 2, 2.0 ** 63, 2.0 ** 64, 1e100, 0.30000000000000004, 4.35, 1.005, 1e-10,
]


def random_double(rng):
    while True:
        f = struct.unpack('>d', rng.getrandbits(64).to_bytes(8, 'big'))[0]
        if math.isfinite(f):
            return f


def make_floats(rng):
    out = [{'repr': repr(f), 'bits': bits(f), 'named': True} for f in NAMED_FLOATS]
    for _ in range(1500):  # any bit pattern: subnormals, huge and tiny exponents
        f = random_double(rng)
        out.append({'repr': repr(f), 'bits': bits(f)})
    for _ in range(1500):  # concentrated around the fixed/exponent switch at 1e-4 and 1e16
        f = rng.uniform(1, 10) * 10.0 ** rng.randint(-8, 20) * rng.choice([1, -1])
        if rng.random() < 0.3:
            f = round(f, rng.randint(0, 6))
        out.append({'repr': repr(f), 'bits': bits(f)})
    return out


# ---------------------------------------------------------------- values (parse then re-encode)
VALUE_TEXTS = [
    # numbers: ints stay ints, anything with a fraction or an exponent is a float
    '0', '-0', '-0.0', '0.0', '5', '5.0', '5.00', '-5', '1E5', '1e5', '1e+5', '1E-5', '100e-2', '0.1e1', '2.5',
    '1e16', '1e-4', '9e-05', '1.5e-7', '9007199254740991', '-9007199254740991', '123456789012345.6', '1e22',
    '5e-324', '1.7976931348623157e308', '1700000000', '1700000000.0', '0.30000000000000004',
    'true', 'false', 'null', '[]', '{}', '[[]]', '{"a": {}}', '[[[[[[[[[[1]]]]]]]]]]',
    # strings: quotes, backslash, escapes, control characters, DEL, non-ASCII, astral, lone surrogates
    r'"a\"b"', r'"back\\slash"', r'"\/"', r'"\b\f\n\r\t"', r'"\u0000\u0001\u001f"', '"\x7f"', r'"\u007f"',
    r'"\u00e9"', r'"\u00E9"', '"é"', '"中文"', '"😀"', r'"\ud83d\ude00"', r'"\ud800"', r'"\udfff x"',
    r'"\ud800\ud800"', r'"\udc00\ud800"', '"~ !"', '"\u2028\u2029"', '"\ufeff"', '"\uffff"', r'"\u0080"',
    '""',
    # keys: code-point order (astral after U+E000-U+FFFF, unlike JS's UTF-16 order)
    '{"b": 1, "a": 2}', '{"\ue000": 1, "\U0001F600": 2}', '{"\uffff": 1, "\U00010000": 2, "\ud7ff": 3}',
    '{"a": 1, "A": 2, "aa": 3, "": 4, "é": 5, "_": 6}', '{"10": 1, "2": 2, "1": 3, "b": 4}',
    '{"constructor": {"x": 1}, "toString": 2, "hasOwnProperty": 3}', r'{"\u00e9": 1, "e": 2, "z": 3}',
    # (duplicate keys and "__proto__" are refused by parse.ts on purpose: see parse.test.ts)
    # whitespace and nesting
    ' { "z" : [ 1 , 2.0 , { "y" : null } ] , "a" : true } \n', '\t[\r\n1\t]\n',
    '{"chain": [{"index": 1, "timestamp": 1.5, "transactions": [{"amount": 5.0, "sender": "a"}]}], "length": 1}',
]


def make_values():
    return [{'input': t, 'expected': dumps(json.loads(t))} for t in VALUE_TEXTS]


# ---------------------------------------------------------------- random blocks
ALPHABET = list('abcXYZ019 _-') + ['"', '\\', '\n', '\t', '\r', '\b', '\f', '\x00', '\x1f', '\x7f', '\x80',
                                   'é', 'ß', '中', '€', '\u2028', '\ue000', '\uffff', '😀', '𝄞', '\udc00']


def rand_text(rng):
    if rng.random() < 0.4:
        return '%032x' % rng.getrandbits(128)  # the tutorial's node ids: uuid4().replace('-', '')
    return ''.join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 12)))


def rand_amount(rng):
    kind = rng.randrange(3)
    if kind == 0:  # int
        return rng.choice([1, 0, -3, 5, 100, rng.randint(-10 ** 6, 10 ** 6), rng.randint(0, 2 ** 53 - 1)])
    if kind == 1:  # non-integral float
        return rng.choice([0.1, 2.5, 1.5e-07, 9e-05, 123456789012345.6, rng.uniform(-1000, 1000),
                           rng.uniform(0, 1) * 10.0 ** rng.randint(-9, 14)])
    # integral float: Python prints 5.0, 1e+16
    return rng.choice([5.0, 1.0, 0.0, -0.0, -3.0, 1e16, 1e22, 1.2345678901234568e+17, float(rng.randint(0, 10 ** 9))])


def rand_timestamp(rng):
    return rng.choice([1700000000.0, 1700000000 + rng.random() * 1e8, float(rng.randint(1, 2 * 10 ** 9)),
                       rng.random(), 1e16, 9e-05, 1700000000.5])


def rand_block(rng):
    index = rng.choice([1, 2, rng.randint(1, 10 ** 6)])
    txs = [{'sender': rand_text(rng), 'recipient': rand_text(rng), 'amount': rand_amount(rng)}
           for _ in range(rng.randint(0, 6))]
    return {
        'index': index,
        'timestamp': rand_timestamp(rng),
        'transactions': txs,
        'proof': rng.choice([100, 0, rng.randint(0, 10 ** 6), rng.randint(0, 2 ** 53 - 1)]),
        'previous_hash': '1' if index == 1 else '%064x' % rng.getrandbits(256),
    }


def make_blocks(rng):
    out = []
    for _ in range(400):
        text = dumps(rand_block(rng))
        out.append({'text': text, 'sha256': sha(text)})
    return out


# ---------------------------------------------------------------- chains, mined like dvf/blockchain
def hash_block(block):
    return sha(dumps(block))


def valid_proof(last_proof, proof, last_hash, difficulty):
    guess = f'{last_proof}{proof}{last_hash}'.encode()
    return hashlib.sha256(guess).hexdigest()[:difficulty] == '0' * difficulty


def proof_of_work(last_block, difficulty, with_hash):
    last_proof = last_block['proof']
    last_hash = hash_block(last_block) if with_hash else ''
    proof = 0
    while valid_proof(last_proof, proof, last_hash, difficulty) is False:
        proof += 1
    return proof


def mine_chain(difficulty, with_hash):
    miner = '7c9a1f0e2b3d4c5a6e7f809112233445'
    chain = [{'index': 1, 'timestamp': 1700000000.0, 'transactions': [], 'proof': 100, 'previous_hash': '1'}]
    pending_per_block = [
        [],
        [{'sender': miner, 'recipient': 'bob', 'amount': 0.5}],
        [{'sender': 'bob', 'recipient': 'Zoë 😀', 'amount': 0.25},
         {'sender': miner, 'recipient': 'carol "c"', 'amount': 1.0}],
    ]
    times = [1700000012.345678, 1700000075.5, 1700000101.0]
    for pending, t in zip(pending_per_block, times):
        last = chain[-1]
        proof = proof_of_work(last, difficulty, with_hash)
        txs = pending + [{'sender': '0', 'recipient': miner, 'amount': 1}]
        chain.append({'index': len(chain) + 1, 'timestamp': t, 'transactions': txs, 'proof': proof,
                      'previous_hash': hash_block(last)})
    return {
        'difficulty': difficulty,
        'rule': 'tutorial' if with_hash else 'tutorial-original',
        'response': dumps({'chain': chain, 'length': len(chain)}),
        'hashes': [hash_block(b) for b in chain],
        'proofs': [b['proof'] for b in chain],
    }


def check_protocol_pins():
    genesis = {'index': 1, 'timestamp': 1700000000.0, 'transactions': [], 'proof': 100, 'previous_hash': '1'}
    assert sha('105') == '1253e9373e781b7500266caa55150e08e210bc8cd8cc70d89985e3600155e860'
    assert dumps(genesis) == ('{"index": 1, "previous_hash": "1", "proof": 100, "timestamp": 1700000000.0, '
                              '"transactions": []}')
    assert hash_block(genesis) == '525afe96d81a5e16082be3818542c9dab09537ac6e961295c671877fcb12a431'
    assert proof_of_work(genesis, 4, True) == 4456
    assert proof_of_work(genesis, 4, False) == 35293


def write(name, data):
    with open(os.path.join(OUT, name), 'w', encoding='ascii') as f:
        json.dump(data, f, indent=1, ensure_ascii=True)
        f.write('\n')


def main():
    check_protocol_pins()
    rng = random.Random(SEED)
    meta = {'python': sys.version.split()[0], 'seed': SEED}
    write('floats.json', {'meta': meta, 'floats': make_floats(rng)})
    write('values.json', {'meta': meta, 'values': make_values()})
    write('blocks.json', {'meta': meta, 'blocks': make_blocks(rng)})
    write('chains.json', {'meta': meta, 'chains': [mine_chain(3, True), mine_chain(3, False)]})


if __name__ == '__main__':
    main()
