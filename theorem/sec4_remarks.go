package theorem

// R3 and R4 (Remarks 3 and 4, Sec. 4.2): what eq. 12 says about the shape of
// P([K]∖T).
//
// Remark 3: when P([K]∖T) is one block (the unchanged samples segregated
// along a, e.g. [K]∖T = {i, …, j}, i < j), eq. 12 reads
// m* ≤ K − 1 − |[K]∖T| + 2 = N + 1. Checked by building Theorem 4.4's
// network for every such T ⊆ [K] (x_i = i, K ≤ 12, exhaustive) and for rapid
// lines up to K = 64, verifying it exactly and bounding its count by N + 1,
// and by checking that eq. 12's right side equals the remark's N + 1 there:
// the paper states the quantity twice, and the two must agree.
//
// Remark 4: the worst case of eq. 12 (bound K − 1) is when every block of
// P([K]∖T) has at most 2 elements, and "if K − N is much larger than N this
// cannot occur, because the number of blocks cannot be larger than
// min{K−N, N} + 1 (Lemma 4.6)". Checked over every T ⊆ [K], K ≤ 14, and by
// rapid up to K = 200: eq. 12 gives K − 1 exactly when every block has ≤ 2
// elements; every such T has K ≤ 3N + 2 (pigeonhole: K − N unchanged
// samples in at most N + 1 blocks of ≤ 2), and the exhaustive grid shows the
// threshold is exact ("much larger" is K − N > 2N + 2). The remark's
// min{K−N, N} + 1 and Lemma 4.6's min{K−N, N+1} (with I = [K]∖T) state the
// same count twice and differ by one whenever 2N ≥ K: a proof-step finding,
// with the lemma's value shown attained.

import (
	"fmt"
	"iter"
	"math/big"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/props"
	"github.com/ftcheck/ftcheck/theorem/drive"
	"pgregory.net/rapid"
)

// r3Instance is x_i = i (with gaps when given) for K samples, the unchanged
// samples the block {i, …, j} (1-based), targets alternating 2, −1 on T.
func r3Instance(K, i, j int, xs []*big.Rat) *instance.Instance {
	in := &instance.Instance{}
	sign := int64(2)
	for k := 1; k <= K; k++ {
		x := big.NewRat(int64(k), 1)
		if xs != nil {
			x = xs[k-1]
		}
		z := new(big.Rat)
		if k < i || k > j {
			z.SetInt64(sign)
			sign = 1 - sign
		}
		in.X, in.Z = append(in.X, []*big.Rat{x}), append(in.Z, z)
	}
	return in
}

// r3Grid is every one-block complement {i, …, j}, i < j, of [K], 3 ≤ K ≤ maxK.
func r3Grid(maxK int) iter.Seq[drive.Case] {
	return func(yield func(drive.Case) bool) {
		for K := 3; K <= maxK; K++ {
			for i := 1; i <= K; i++ {
				for j := i + 1; j <= K; j++ {
					if !yield(drive.Case{FT: &props.FineTune{Inst: r3Instance(K, i, j, nil)}}) {
						return
					}
				}
			}
		}
	}
}

// r3Part checks Remark 3 with the bound b(N) (N+1 as stated).
func r3Part(b func(N int) int, stated string) drive.Part {
	return drive.Part{
		Name: "R3", Grid: r3Grid(12),
		Draw: rapid.Custom(func(t *rapid.T) drive.Case {
			K := rapid.IntRange(3, 64).Draw(t, "K")
			i := rapid.IntRange(1, K-1).Draw(t, "i")
			j := rapid.IntRange(i+1, K).Draw(t, "j")
			xs := make([]*big.Rat, K)
			cur := new(big.Rat)
			for k := range xs {
				cur = new(big.Rat).Add(cur, props.PositiveRat().Draw(t, fmt.Sprintf("gap[%d]", k+1)))
				xs[k] = cur
			}
			return drive.Case{FT: &props.FineTune{Inst: r3Instance(K, i, j, xs)}}
		}),
		Build: func(c drive.Case) ([]*construction.Built, error) {
			return buildAll(c.FT.Inst, construction.TwoLayerPaper, construction.TwoLayer)
		},
		Limit: func(c drive.Case, _ *construction.Built) (int, string, error) {
			return b(c.FT.Inst.N()), stated, nil
		},
		Check: func(c drive.Case, _ *construction.Built) error {
			in := c.FT.Inst
			if e := eq12Bound(in.K(), oneBased(in.T())); e != in.N()+1 {
				return fmt.Errorf("eq. 12 gives %d, the remark N+1 = %d", e, in.N()+1)
			}
			return nil
		},
	}
}

func oneBased(T []int) []int {
	out := make([]int, len(T))
	for i, v := range T {
		out[i] = v + 1
	}
	return out
}

// r3Parts are R3's parts.
func r3Parts(cfg Config) []drive.Part {
	p := r3Part(func(N int) int { return N + 1 }, "N+1 (Remark 3)")
	p.Grid = r3Grid(r3MaxK(cfg))
	return []drive.Part{p}
}

// r3MaxK is the largest K of R3's exhaustive grid: 12, growing with the budget.
func r3MaxK(cfg Config) int { return exhaustiveK(cfg, 12) }

func checkR3(cfg Config) Result {
	res, outs, ok := runParts(cfg, tlReproduce("R3", cfg), r3Parts(cfg)...)
	if !ok {
		return res
	}
	res.Evidence = fmt.Sprintf("Theorem 4.4's network, unpruned and pruned, built and verified exactly (oracle) with m ≤ N+1 on %d instances whose "+
		"unchanged samples form one block {i, …, j}, i < j: every such block of [K], 3 ≤ K ≤ %d, on x_i = i (%d, exhaustive), and %d rapid lines "+
		"(K ≤ 64, random rational gaps); at each, eq. 12's K − 1 − Σ max{|P|−2, 0} equals the remark's N + 1.",
		outs[0].Passed(), r3MaxK(cfg), outs[0].Grid, outs[0].Drawn)
	return res
}

// r4Threshold is the largest K (given N) at which every block of
// P([K]∖T) can have ≤ 2 elements: 3N + 2 (the remark's "K − N much larger
// than N" made exact); tests plant another.
func r4Threshold(N int) int { return 3*N + 2 }

// r4Facts checks, for one T ⊆ [K] (1-based), the facts of Remark 4 with the
// threshold th; it returns whether every block has ≤ 2 elements.
func r4Facts(K int, T []int, th func(N int) int) (bool, error) {
	blocks := construction.ConsecutivePartition(construction.Complement(K, 1, T))
	small := true
	for _, P := range blocks {
		small = small && len(P) <= 2
	}
	N := len(T)
	if worst := eq12Bound(K, T) == K-1; worst != small {
		return small, fmt.Errorf("eq. 12 gives %d, yet every block ≤ 2 is %v", eq12Bound(K, T), small)
	}
	if small && K > th(N) {
		return small, fmt.Errorf("every block has ≤ 2 elements at K = %d > %d", K, th(N))
	}
	if remark := min(K-N, N) + 1; len(blocks) > remark {
		return small, fmt.Errorf("|P([K]∖T)| = %d > min{K−N, N}+1 = %d", len(blocks), remark)
	}
	return small, nil
}

func checkR4(cfg Config) Result { return checkR4With(cfg, r4Threshold) }

// checkR4With checks Remark 4 with the threshold th.
func checkR4With(cfg Config, th func(N int) int) Result {
	type key struct{ K, N int }
	occurs, maxBlocks := map[key]bool{}, map[key]int{}
	f := func(K int, T []int) error {
		small, err := r4Facts(K, T, th)
		k := key{K, len(T)}
		occurs[k] = occurs[k] || small
		maxBlocks[k] = max(maxBlocks[k], len(construction.ConsecutivePartition(construction.Complement(K, 1, T))))
		return err
	}
	ex, err := forSubsets(cfg, exhaustiveK(cfg, tlExhaustiveK), f)
	found := subsetRun(cfg, "R4", func(K int, T []int) error { _, err := r4Facts(K, T, th); return err })
	res := lemmaResult("R4", cfg, ex, err, found, "Eq. 12 gives its worst value K − 1 exactly when every block of P([K]∖T) has ≤ 2 elements, "+
		"which happens only for K ≤ 3N + 2, and |P([K]∖T)| ≤ min{K−N, N}+1 for every T.")
	if res.Verdict != Holds {
		return res
	}
	exact, attained, differ, first := 0, 0, 0, key{}
	maxK := exhaustiveK(cfg, tlExhaustiveK)
	for K := 1; K <= maxK; K++ {
		for N := 0; N <= K; N++ {
			k := key{K, N}
			if occurs[k] == (K <= th(N)) {
				exact++
			}
			if maxBlocks[k] == min(K-N, N+1) {
				attained++
			}
			if min(K-N, N)+1 != min(K-N, N+1) {
				if differ == 0 {
					first = k
				}
				differ++
			}
		}
	}
	pairs := maxK * (maxK + 3) / 2
	if exact != pairs {
		res.Verdict = Inconclusive
		res.Evidence += fmt.Sprintf(" The threshold K ≤ %s is attained at only %d of %d pairs (K, N).", "3N+2", exact, pairs)
		return res
	}
	res.Evidence += fmt.Sprintf(" Exact threshold: some T with |T| = N has every block ≤ 2 iff K ≤ 3N + 2, at all %d pairs (K, N), K ≤ %d.", pairs, maxK)
	res.Findings = append(res.Findings, Finding{Kind: FindProofStep, Reproduce: tlReproduce("R4", cfg),
		Instance: &Instance{Params: map[string]string{"K": fmt.Sprint(first.K), "N": fmt.Sprint(first.N)}},
		Text: fmt.Sprintf("Remark 4 cites Lemma 4.6 as |P([K]∖T)| ≤ min{K−N, N} + 1, but Lemma 4.6 with I = [K]∖T gives min{K−N, N+1}: the two state the "+
			"same count and differ by one whenever 2N ≥ K (%d of the %d pairs (K, N) with K ≤ %d; smallest K = %d, N = %d). Both are true bounds; the "+
			"lemma's is the exact maximum over T at %d of %d pairs. The remark's \"much larger\" is exactly K − N > 2N + 2: every block can have "+
			"≤ 2 elements iff K ≤ 3N + 2.", differ, pairs, maxK, first.K, first.N, attained, pairs)})
	return res
}

// plantedR4 is R4's check with the threshold 3N + 1, one below the exact
// one: at K = 2, N = 0 (T = ∅, one block {1, 2}) every block has ≤ 2
// elements although K > 3·0 + 1. Counterexample.
func plantedR4(cfg Config) Result { return checkR4With(cfg, func(N int) int { return 3*N + 1 }) }
