#!/usr/bin/env python3
"""The tutorial's node ("Learn Blockchains by Building One"), written for the interop tests from docs/protocol.md.

It behaves as the tutorial's Flask node does, flaws included (docs/protocol.md "Known flaws of the tutorial
node"): resolve trusts the `length` a peer claims, has no timeout and no error handling (an unreachable peer is a
500), a body that is not the expected JSON is a 500, and pending transactions are never reconciled after the
chain is replaced. Do not fix them here: the interop tests show how a Chainlab node copes with them.

Needs only the standard library and Flask (Debian's python3-flask); peers are asked with urllib.request.

    python3 tutorial_node.py [-p PORT] [--host HOST] [--difficulty D] [--original] [--id NAME]
"""

import hashlib
import json
import urllib.error
import urllib.request
from argparse import ArgumentParser
from time import time
from urllib.parse import urlparse
from uuid import uuid4

from flask import Flask, jsonify, request


class Blockchain:
    def __init__(self, difficulty=4, original=False):
        self.difficulty = difficulty
        # The article's first version: genesis previous_hash is the int 1 and the proof ignores last_hash.
        self.original = original
        self.chain = []
        self.current_transactions = []
        self.nodes = set()
        self.new_block(previous_hash=1 if original else '1', proof=100)

    def register_node(self, address):
        """Keep the netloc of a URL, or the bare text when it has no scheme ('192.168.0.5:5000')."""
        parsed = urlparse(address)
        if parsed.netloc:
            self.nodes.add(parsed.netloc)
        elif parsed.path:
            self.nodes.add(parsed.path)
        else:
            raise ValueError('Invalid URL')

    def valid_chain(self, chain):
        """Only two checks per block after the first: the link to the block before, and its proof."""
        last_block = chain[0]
        for block in chain[1:]:
            last_block_hash = self.hash(last_block)
            if block['previous_hash'] != last_block_hash:
                return False
            if not self.valid_proof(last_block['proof'], block['proof'], last_block_hash):
                return False
            last_block = block
        return True

    def resolve_conflicts(self):
        """Adopt the longest valid chain among the neighbours; True when ours was replaced."""
        new_chain = None
        max_length = len(self.chain)
        for node in self.nodes:
            # No timeout and no try: an unreachable neighbour raises, and Flask answers 500 (flaw #119).
            status, body = http_get(f'http://{node}/chain')
            if status == 200:
                data = json.loads(body)
                # The claimed length decides, not the blocks counted (flaw #50).
                length = data['length']
                chain = data['chain']
                if length > max_length and self.valid_chain(chain):
                    max_length = length
                    new_chain = chain
        if new_chain:
            # Pending transactions stay as they are (flaw #23).
            self.chain = new_chain
            return True
        return False

    def new_block(self, proof, previous_hash=None):
        block = {
            'index': len(self.chain) + 1,
            'timestamp': time(),
            'transactions': self.current_transactions,
            'proof': proof,
            'previous_hash': previous_hash or self.hash(self.chain[-1]),
        }
        self.current_transactions = []
        self.chain.append(block)
        return block

    def new_transaction(self, sender, recipient, amount):
        """Any JSON values are taken as they are; returns the index of the block that will hold it."""
        self.current_transactions.append({
            'sender': sender,
            'recipient': recipient,
            'amount': amount,
        })
        return self.last_block['index'] + 1

    @property
    def last_block(self):
        return self.chain[-1]

    @staticmethod
    def hash(block):
        # docs/protocol.md "Hashing: Python's json.dumps, byte for byte".
        return hashlib.sha256(json.dumps(block, sort_keys=True).encode()).hexdigest()

    def proof_of_work(self, last_block):
        """Count up from 0 until valid_proof holds (docs/protocol.md "Proof of work")."""
        last_proof = last_block['proof']
        last_hash = self.hash(last_block)
        proof = 0
        while not self.valid_proof(last_proof, proof, last_hash):
            proof += 1
        return proof

    def valid_proof(self, last_proof, proof, last_hash):
        guess = f'{last_proof}{proof}' if self.original else f'{last_proof}{proof}{last_hash}'
        digest = hashlib.sha256(guess.encode()).hexdigest()
        return digest[:self.difficulty] == '0' * self.difficulty


def http_get(url):
    """(status, body) like requests.get: a non-2xx answer is a status, a connection failure raises."""
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


app = Flask(__name__)
node_identifier = str(uuid4()).replace('-', '')
blockchain = None


@app.route('/mine', methods=['GET'])
def mine():
    last_block = blockchain.last_block
    proof = blockchain.proof_of_work(last_block)
    # The reward goes last: it is added after the transactions already pending.
    blockchain.new_transaction(sender='0', recipient=node_identifier, amount=1)
    previous_hash = blockchain.hash(last_block)
    block = blockchain.new_block(proof, previous_hash)
    response = {
        'message': 'New Block Forged',
        'index': block['index'],
        'transactions': block['transactions'],
        'proof': block['proof'],
        'previous_hash': block['previous_hash'],
    }
    return jsonify(response), 200


@app.route('/transactions/new', methods=['POST'])
def new_transaction():
    values = request.get_json()
    required = ['sender', 'recipient', 'amount']
    if not all(k in values for k in required):
        return 'Missing values', 400
    index = blockchain.new_transaction(values['sender'], values['recipient'], values['amount'])
    return jsonify({'message': f'Transaction will be added to Block {index}'}), 201


@app.route('/chain', methods=['GET'])
def full_chain():
    return jsonify({'chain': blockchain.chain, 'length': len(blockchain.chain)}), 200


@app.route('/nodes/register', methods=['POST'])
def register_nodes():
    values = request.get_json()
    nodes = values.get('nodes')
    if nodes is None:
        return 'Error: Please supply a valid list of nodes', 400
    # Any iterable goes: a string registers each of its characters.
    for node in nodes:
        blockchain.register_node(node)
    response = {
        'message': 'New nodes have been added',
        'total_nodes': list(blockchain.nodes),
    }
    return jsonify(response), 201


@app.route('/nodes/resolve', methods=['GET'])
def consensus():
    if blockchain.resolve_conflicts():
        response = {'message': 'Our chain was replaced', 'new_chain': blockchain.chain}
    else:
        response = {'message': 'Our chain is authoritative', 'chain': blockchain.chain}
    return jsonify(response), 200


def main():
    global blockchain, node_identifier
    parser = ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('-p', '--port', default=5000, type=int, help='port to listen on (default 5000)')
    parser.add_argument('--host', default='127.0.0.1', help='address to bind (default 127.0.0.1)')
    parser.add_argument('--difficulty', default=4, type=int, help='leading hex zeros of a proof (default 4)')
    parser.add_argument('--original', action='store_true',
                        help="the first article's version: genesis previous_hash 1, proof without last_hash")
    parser.add_argument('--id', help='the node identifier (default: a random uuid4 hex)')
    args = parser.parse_args()
    if args.difficulty < 0:
        parser.error('--difficulty must be 0 or more')
    if args.id is not None:
        node_identifier = args.id
    blockchain = Blockchain(difficulty=args.difficulty, original=args.original)
    # Werkzeug prints "Running on http://HOST:PORT" on stderr once it listens.
    app.run(host=args.host, port=args.port, threaded=True)


if __name__ == '__main__':
    main()
