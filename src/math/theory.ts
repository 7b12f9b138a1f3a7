// Published closed forms the experiments are checked against, with their sources. Pure functions of numbers.

/**
 * Eyal & Sirer, "Majority is not Enough: Bitcoin Mining is Vulnerable" (FC 2014, arXiv:1311.0243), §4:
 * the relative revenue of a selfish pool with hash share α when a share γ of the honest miners builds on the
 * pool's block during a tie (their closed form from the stationary distribution of the state machine).
 */
export function selfishRevenue(alpha: number, gamma: number): number {
  const a = alpha;
  return (a * (1 - a) ** 2 * (4 * a + gamma * (1 - 2 * a)) - a ** 3) / (1 - a * (1 + (2 - a) * a));
}

/** Eyal & Sirer §4: selfish mining pays more than its fair share α exactly when α > (1 − γ) / (3 − 2γ). */
export function selfishThreshold(gamma: number): number {
  return (1 - gamma) / (3 - 2 * gamma);
}

/**
 * Nakamoto, "Bitcoin: A Peer-to-Peer Electronic Cash System" (2008), §11: the attacker's progress while the
 * merchant waits for z blocks is taken as Poisson with mean λ = z·q/p, and from k blocks behind it catches up
 * with probability (q/p)^(z−k): P = 1 − Σ_{k=0..z} e^{−λ} λ^k / k! · (1 − (q/p)^(z−k)). An approximation.
 */
export function nakamotoSuccess(q: number, z: number): number {
  const p = 1 - q;
  if (q >= p) return 1;
  const lambda = (z * q) / p;
  let sum = 1;
  let poisson = Math.exp(-lambda);
  for (let k = 0; k <= z; k++) {
    if (k > 0) poisson *= lambda / k;
    sum -= poisson * (1 - (q / p) ** (z - k));
  }
  return sum;
}

/**
 * Rosenfeld, "Analysis of Hashrate-Based Double Spending" (2014, arXiv:1402.2009), §5: exact for the same race.
 * While the honest network finds z blocks the attacker finds m with the negative binomial law
 * C(m+z−1, m) p^z q^m (not Poisson), then catches up from z − m behind with probability (q/p)^(z−m):
 * P = 1 − Σ_{m=0..z} C(m+z−1, m) (p^z q^m − p^m q^z), and P = 1 for z = 0 or q ≥ p.
 */
export function rosenfeldSuccess(q: number, z: number): number {
  const p = 1 - q;
  if (z === 0 || q >= p) return 1;
  let sum = 0;
  let binom = 1; // C(m+z−1, m), starting at m = 0
  for (let m = 0; m <= z; m++) {
    if (m > 0) binom = (binom * (m + z - 1)) / m;
    sum += binom * (p ** z * q ** m - p ** m * q ** z);
  }
  return 1 - sum;
}

/**
 * The double-spend race exactly as the engine runs it (src/sim/attacker.ts, src/experiments/doubleSpend.ts),
 * derived here in Rosenfeld's setting (arXiv:1402.2009, §5). The attacker starts its branch when the payment is
 * sent, so while the honest network finds the z blocks the merchant waits for (the first holds the payment) the
 * attacker finds m of its own with the negative binomial law C(m+z−1, m) p^z q^m. Its branch then holds
 * `premined` + m blocks against z. The tutorial adopts a chain only when it is strictly longer, so from the gap
 * g = z − m − premined the attacker must gain x = g + 1 blocks in a ±1 walk (its block with probability q, an
 * honest one with p) before it falls `giveUp` blocks behind and stops: gambler's ruin with ρ = q/p and the far
 * end at N = giveUp + 1 gives (ρ^x − ρ^N) / (1 − ρ^N), which is ρ^x with no barrier. So
 * P = 1 − Σ_{m=0..z−premined} C(m+z−1, m) p^z q^m (1 − W(z − m − premined + 1)).
 *  - premined = 0 is the tutorial's strictly-longer race: q = 0.1, z = 5 → 0.000329.
 *  - premined = 1 is Rosenfeld's catch-up race (one block mined before paying, so drawing level is enough):
 *    q = 0.1, z = 5 → 0.001782, the same as rosenfeldSuccess for every z ≥ 1.
 */
export function doubleSpendRace(q: number, z: number, premined: 0 | 1, giveUp = Infinity): number {
  const p = 1 - q;
  const rho = q / p;
  const far = giveUp + 1;
  const win = (x: number): number => {
    if (x <= 0) return 1;
    if (x >= far) return 0;
    if (!Number.isFinite(far)) return q >= p ? 1 : rho ** x;
    if (rho === 1) return (far - x) / far;
    return (rho ** x - rho ** far) / (1 - rho ** far);
  };
  let lose = 0;
  let binom = 1; // C(m+z−1, m), starting at m = 0
  for (let m = 0; m <= z - premined; m++) {
    if (m > 0) binom = (binom * (m + z - 1)) / m;
    lose += binom * p ** z * q ** m * (1 - win(z - m - premined + 1));
  }
  return 1 - lose;
}

/**
 * Fraction of blocks that end up off the final chain with n equal miners, a Poisson block process of rate λ and
 * a fixed propagation delay d (x = λd): every block reaches every other miner exactly d after it is found, and a
 * miner sees its own blocks at once. Fork choice does not change heights, so this only counts how fast the best
 * height grows. Derived here (the model of Decker & Wattenhofer 2013 and Sompolinsky & Zohar 2015, whose
 * n → ∞ limit x / (1 + x) it reproduces):
 *  - after the best height grows, its finder can extend it at once (rate λ/n) and everyone after d (rate λ), so
 *    the mean time per height is E₀ = [n(1 − e^{−x/n}) + e^{−x/n}] / λ;
 *  - a miner that found a sibling of the best block within d of it ("early") extends that sibling from its own
 *    offset u < d: the density of early miners is ρ(u) = (n−1)μ e^{−μd} cosh(μu) (μ = λ/n, with d in units of
 *    1/λ) and each shortens the wait by δ(u) below; higher-order terms are below 10⁻⁴ for x ≤ 0.2, n = 10
 *    (checked against a direct simulation of the height process, test/experiments/staleRate.test.ts).
 * stale = 1 − 1 / (λ E), E = E₀ + ∫₀^d ρ(u) δ(u) du.
 */
export function staleRateFixedDelay(miners: number, delayOverInterval: number): number {
  const n = miners;
  const d = delayOverInterval; // time in units of the mean block interval 1/λ
  if (n <= 1 || d <= 0) return 0;
  const mu = 1 / n;
  const e = Math.exp(-mu * d);
  const e0 = n * (1 - e) + e;
  const rho = (u: number) => (n - 1) * mu * e * Math.cosh(mu * u);
  // E[wait | one early miner at u] − E₀: its hazard μ starts at u instead of d.
  const delta = (u: number) =>
    (Math.exp(-mu * u) - Math.exp(mu * (u - 2 * d))) / (2 * mu) -
    (Math.exp(-mu * u) - e) / mu +
    (Math.exp(-mu * (d - u)) - 1) * e;
  const steps = 400; // midpoint rule; the integrand is smooth, so this is exact to ~1e-9
  let correction = 0;
  for (let i = 0; i < steps; i++) {
    const u = ((i + 0.5) / steps) * d;
    correction += rho(u) * delta(u) * (d / steps);
  }
  return 1 - 1 / (e0 + correction);
}

/**
 * ASERT (aserti3-2d, Bitcoin Cash 2020; Lundeberg, Toomim): difficulty × 2^((T − solvetime)/τ) per block. With
 * r the expected block time over the target, E[Δ ln r] = (ln 2 / h)(1 − r) per block (h = half-life in blocks),
 * whose solution after a hash-rate step ×k is r(n) = 1 / (1 + (k − 1) 2^(−n/h)). Returns the blocks until r is
 * back within ±band of 1 (the deterministic limit; noise shifts it by a few blocks).
 */
export function asertSettleBlocks(step: number, halfLife: number, band: number): number {
  // r = 1/v with v(n) = 1 + (k − 1) 2^(−n/h); inside the band when v is within [1/(1+band), 1/(1−band)].
  const v0 = step;
  const edge = v0 > 1 ? 1 / (1 - band) : 1 / (1 + band);
  if (Math.abs(v0 - 1) <= Math.abs(edge - 1)) return 0;
  return Math.ceil(halfLife * Math.log2((v0 - 1) / (edge - 1)));
}
