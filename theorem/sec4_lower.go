package theorem

// T4.1-L (Thm 4.1.2, Sec. 4.1): some instance needs m ≥ min{3N, K−2}
// neurons in every 2-layer net. The argument has two steps, checked
// independently:
//
//  1. Counting lemma: on a line a 2-layer net with m neurons has at most
//     m + 1 pieces. Checked on rapid-generated nets (widths 1..12, dead and
//     duplicate neurons included) and on nets hill-climbed to maximise
//     pieces (m = 1..8); a net with more pieces is a counterexample to the
//     lemma.
//  2. Witnesses: every (N, K) with 3 ≤ K ≤ 60, 0 ≤ N ≤ K, exhaustively: the
//     exact least number of breakpoints R of any interpolant of the witness
//     (lowerbound.MinBreakpoints, breakpoints anywhere) against
//     min{3N, K−2} = p(K) − 1 of eq. 9. The harness's witness is the paper's
//     for K ≥ 3N+2 and our zigzag elsewhere; the paper's K = 2N+1 witness is
//     checked as written and reported when it falls short (proof-step).
//
// Beyond that: a rapid search that no 1-D instance forces more than
// min{3N, K−2} breakpoints (so the witnesses are extremal and Theorem
// 4.1.1's bound is not contradicted), and the exact 2-layer certificate
// [lo, hi] of lowerbound.TwoLayerMin1D on the witnesses, and exact m* of
// every small instance (K = 3, 4, z ∈ {−1,0,1,2}^K) by lowerbound.TwoLayerExact1D:
// where an instance needs K−1 neurons the stated lower bound K−2 is not
// attained (loose-bound), e.g. (0, 1, 0) (one neuron is monotone). And for
// K ≥ 5 every instance needs at most K−2 neurons (lowerbound/slide.go),
// checked on rapid instances: m*(N, K) = K−2 exactly when 5 ≤ K ≤ 3N+2.

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/lowerbound"
	"github.com/ftcheck/ftcheck/oracle"
	"github.com/ftcheck/ftcheck/props"
	"github.com/ftcheck/ftcheck/theorem/drive"
	"pgregory.net/rapid"
)

func checkT41L(cfg Config) Result {
	return checkT41LWith(cfg, lbBudget{gridK: exhaustiveK(cfg, lbGridK), certK: exhaustiveK(cfg, 30), exact: true}, lowerbound.TwoLayerPieces, func(N, K int) (*instance.Instance, error) {
		return lowerbound.Witness("T4.1-L", N, K)
	})
}

// lbBudget sizes the exhaustive parts: witnesses for K ≤ gridK, 2-layer
// certificates for K ≤ certK, exact m* of small instances when exact.
type lbBudget struct {
	gridK, certK int
	exact        bool
}

// checkT41LWith runs the check with a piece bound and a witness family, so
// tests can plant a bound minus one or a broken witness.
func checkT41LWith(cfg Config, bud lbBudget, bound func(m int) int, witness func(N, K int) (*instance.Instance, error)) Result {
	return checkT41LNeed(cfg, bud, bound, witness, paperNeed)
}

// checkT41LNeed is checkT41LWith with the stated bound min{3N, K−2} as a
// parameter too (the breakpoints each witness must force).
func checkT41LNeed(cfg Config, bud lbBudget, bound func(m int) int, witness func(N, K int) (*instance.Instance, error), need lbNeed) Result {
	res := Result{Verdict: Holds}
	// Step 1: the counting lemma.
	pf, fail := pieceProperty(cfg, "T4.1-L pieces", 1, 12, func(w []int) int { return bound(w[0]) })
	n := pf.Passed
	if fail != nil {
		res.Verdict = Counterexample
		res.Findings = append(res.Findings, Finding{Kind: FindCounterexample, Reproduce: lbReproduce("T4.1-L", cfg),
			Instance: &Instance{Params: netParams(fail.net)},
			Text:     fmt.Sprintf("a 2-layer net with %d neurons has %d pieces on the line, more than the lemma's %d", fail.net.Hidden(), fail.pieces, fail.bound)})
	} else if v, fd, ok := searchTrouble(pf, "counting the pieces of a generated 2-layer net", lbReproduce("T4.1-L", cfg), failedNet(pf)); !ok {
		res.Verdict = drive.Worse(res.Verdict, v)
		res.Findings = append(res.Findings, *fd)
	}
	searched, attained := 0, 0
	for m := 1; m <= 8 && !cfg.Expired(); m++ {
		sr := lowerbound.MaxPiecesSearch([]int{m}, 3, 4, max(200, 5*cfg.Checks), cfg.Seed+uint64(m))
		searched += sr.Evals
		if sr.Pieces > bound(m) {
			res.Verdict = Counterexample
			res.Findings = append(res.Findings, Finding{Kind: FindCounterexample, Reproduce: lbReproduce("T4.1-L", cfg),
				Instance: &Instance{Params: netParams(sr.Net)},
				Text:     fmt.Sprintf("a searched 2-layer net with %d neurons has %d pieces, more than %d", m, sr.Pieces, bound(m))})
		} else if sr.Pieces == bound(m) {
			attained++
		}
	}
	// Step 2: the witnesses.
	ws, err := sweepWitnesses(cfg, "T4.1-L", bud.gridK, need, witness)
	if err != nil {
		return Result{Verdict: Inconclusive, Evidence: "witness construction failed: " + err.Error()}
	}
	if len(ws.oursShort) > 0 {
		res.Verdict = Inconclusive
		res.Findings = append(res.Findings, Finding{Kind: FindProofStep, Reproduce: lbReproduce("T4.1-L", cfg),
			Instance: FromInstance(ws.firstOurs, nil),
			Text:     fmt.Sprintf("the harness's witness forces fewer than %s breakpoints at %d grid points (N,K): %s", need.name, len(ws.oursShort), lbList(ws.oursShort, 12, true))})
	}
	if f := ws.paperWitnessFinding("T4.1-L", cfg, "K−1 pieces"); f != nil {
		res.Findings = append(res.Findings, *f)
	}
	res.Findings = append(res.Findings, literalFinding("T4.1-L", cfg, false))
	// Beyond: extremality of the witnesses and certificates.
	ext := extremalSearch(cfg)
	extN := ext.Passed
	if v, fd, ok := searchTrouble(ext, "the search for 1-D instances forcing more than min{3N, K−2} breakpoints", lbReproduce("T4.1-L", cfg), failedLine(ext)); !ok {
		res.Findings = append(res.Findings, *fd)
		res.Verdict = drive.Worse(res.Verdict, v)
	}
	decided, atR, certs, above := certifyWitnesses(witness, bud.certK)
	odd := oddKSearch(cfg)
	oddN := odd.Passed
	if odd.Verdict() != Holds {
		res.Findings = append(res.Findings, Finding{Kind: FindProofStep, Reproduce: lbReproduce("T4.1-L", cfg), Instance: failedLine(odd),
			Text: "the harness's K ≥ 5 construction (lowerbound/slide.go) did not give K−2 neurons on this instance (" + odd.Msg + odd.Stopped + "); its beyond-paper claim is withdrawn"})
	} else {
		res.Findings = append(res.Findings, oddKFinding(cfg, oddN))
	}
	smallN := 0
	if bud.exact {
		var small Finding
		small, smallN = exactSmall(cfg)
		res.Findings = append(res.Findings, small)
	}
	res.Findings = append(res.Findings, countingFindings(cfg, 2)...)
	res.Checked = n + searched + ws.points + extN + oddN + smallN
	res.Exhaustive = false
	res.Evidence = fmt.Sprintf("counting lemma: %d rapid-generated 2-layer nets (1 ≤ m ≤ 12, input on a line) and %d hill-climb evaluations "+
		"(m = 1..8, integer weights in [−3, 3]; m+1 pieces attained for %d of 8 widths), none above m+1. Witnesses: all %d points "+
		"3 ≤ K ≤ %d, 0 ≤ N ≤ K, exhaustively: the harness's witness has exact R = %s at %d of them; the paper's explicit "+
		"witnesses (%d points) fall short at %d (%s). %d rapid 1-D instances (K ≤ 24, gaps 1..3) never force more than min{3N, K−2}. "+
		"2-layer certificates on the %d witnesses with K ≤ %d (exact LPs for the open ones with K ≤ 7): m* decided at %d, of which "+
		"m* = min{3N, K−2} (the stated bound is exact for that witness) at %d (the others, (N,K): m*: %s); "+
		"elsewhere m* ∈ [R, R+1]. Exact m* of %d small instances (K = 3, 4, z ∈ {−1,0,1,2}^K; see the finding).",
		n, searched, attained, ws.points, bud.gridK, need.name, ws.points-len(ws.oursShort), ws.paperPoints, len(ws.paperShort), shortForm(ws), extN, certs, bud.certK, decided, atR, lbList(above, 12, true), smallN)
	return res
}

// lineCase draws a 1-D instance with K in [minK, maxK], x_i increasing with
// random gaps 1..3, random T and z; with zigzag, half the time z_i = ±(1..6)
// by parity (R = K−2).
func lineCase(minK, maxK int, zigzag bool) *rapid.Generator[*instance.Instance] {
	return rapid.Custom(func(t *rapid.T) *instance.Instance {
		K := rapid.IntRange(minK, maxK).Draw(t, "K")
		T := props.TSet(K, 0, K).Draw(t, "T")
		z := props.Targets(K, T, false).Draw(t, "z")
		if zigzag && rapid.Bool().Draw(t, "zigzag") {
			for i := range z {
				z[i] = big.NewRat(int64(sgnParity(i)*rapid.IntRange(1, 6).Draw(t, fmt.Sprintf("mag[%d]", i))), 1)
			}
		}
		x := make([]*big.Rat, K)
		cur := int64(0)
		for i := range x {
			cur += int64(rapid.IntRange(1, 3).Draw(t, fmt.Sprintf("gap[%d]", i)))
			x[i] = big.NewRat(cur, 1)
		}
		return instance.OnLine(x, z)
	})
}

// failedLine is the instance a search over 1-D instances failed on, if any.
func failedLine(f drive.Found[*instance.Instance]) *Instance {
	if f.Fail == nil {
		return nil
	}
	return FromInstance(*f.Fail, nil)
}

// failedNet is the network a piece search failed on, if any.
func failedNet(f drive.Found[*oracle.Network]) *Instance {
	if f.Fail == nil {
		return nil
	}
	return &Instance{Params: netParams(*f.Fail)}
}

// extremalSearch: every 1-D instance (x_i increasing with random gaps 1..3,
// random T and z) forces at most min{3N, K−2} breakpoints.
func extremalSearch(cfg Config) drive.Found[*instance.Instance] {
	return drive.Search(cfg, "T4.1-L extremal", lineCase(3, 24, false), func(in *instance.Instance) error {
		R, err := lowerbound.InstanceBreakpoints(in)
		if err != nil {
			return err
		}
		if R > lowerbound.NeededBreakpoints(in.N(), in.K()) {
			return fmt.Errorf("R = %d > min{3N, K−2}: a 1-D instance forces more than min{3N, K−2} breakpoints, so more neurons than Theorem 4.1.1 allows", R)
		}
		return nil
	})
}

// oddKSearch: for K ≥ 5 every 1-D instance (random T, z, spacing; zigzags
// drawn on purpose half the time) gets a verified 2-layer net with at most
// K−2 neurons from the certificate.
func oddKSearch(cfg Config) drive.Found[*instance.Instance] {
	return drive.Search(cfg, "T4.1-L K ≥ 5", lineCase(5, 25, true), func(in *instance.Instance) error {
		x, z := lineOf(in)
		iv, err := lowerbound.TwoLayerMin1D(x, z)
		if err != nil {
			return err
		}
		if iv.Hi > in.K()-2 {
			return fmt.Errorf("K = %d: best verified net has %d > K−2 neurons", in.K(), iv.Hi)
		}
		return nil
	})
}

func sgnParity(i int) int {
	if i%2 == 0 {
		return 1
	}
	return -1
}

// oddKFinding: for K ≥ 5, m*(N, K) ≤ K−2, so m*(N, K) = K−2 when
// K ≤ 3N+2 (the zigzag witness forces R = K−2).
func oddKFinding(cfg Config, n int) Finding {
	return Finding{Kind: FindLooseBound, Reproduce: lbReproduce("T4.1-L", cfg),
		Text: fmt.Sprintf("beyond the paper: for every K ≥ 5 every instance is fine-tuned by a 2-layer net with K−2 neurons, so "+
			"m*(N, K) = K−2 exactly whenever 5 ≤ K ≤ 3N+2 (the zigzag witness forces K−2), where the paper's upper bound is K−1 "+
			"(and its interval [K−2, K−1] closes at the bottom). Proof (lowerbound/slide.go): project to a line as in Thm 4.4; data "+
			"with R ≤ K−3 needs at most R+1 units; data with R = K−2 is a zigzag (every turn nonzero, alternating). For odd K, sliding "+
			"its first and last breakpoints outwards frees both outer slopes over opposite open rays, and one right-facing unit matches "+
			"them; for even K ≥ 6, sliding every breakpoint right frees every piece slope, and two right-facing units match. "+
			"Checked: %d rapid instances with K = 5..25 (random T, targets and spacing; half of them zigzags) all got a net with "+
			"≤ K−2 neurons verified exactly by the oracle. For K = 3, 4 some instances need K−1 (see the exact finding).", n)}
}

// certifyWitnesses runs the 2-layer certificate on every witness with
// K ≤ maxK, deciding the open ones with K ≤ 7 by the exact case analysis.
func certifyWitnesses(witness func(N, K int) (*instance.Instance, error), maxK int) (decided, atR, total int, above []string) {
	for K := 3; K <= maxK; K++ {
		for N := 0; N <= K; N++ {
			in, err := witness(N, K)
			if err != nil {
				continue
			}
			t := column1(in.X)
			iv, err := lowerbound.TwoLayerMin1D(t, in.Z)
			if err != nil {
				continue
			}
			if !iv.Decided && K <= 7 {
				if ex, err := lowerbound.TwoLayerExact1D(t, in.Z, K); err == nil {
					iv = ex
				}
			}
			total++
			if iv.Decided {
				decided++
				if iv.Hi == lowerbound.NeededBreakpoints(N, K) {
					atR++
				} else {
					above = append(above, fmt.Sprintf("(%d,%d): %d", N, K, iv.Hi))
				}
			}
		}
	}
	return decided, atR, total, above
}

// exactSmall decides m* exactly (lowerbound.TwoLayerExact1D) for every 1-D
// instance x_i = i, z ∈ {−1, 0, 1, 2}^K, K = 3, 4, and reports the (N, K)
// where some instance needs K−1 = min{3N+1, K−1} neurons: there m*(N, K)
// equals the upper bound of Theorem 4.1.1 and the stated lower bound
// min{3N, K−2} is not attained.
func exactSmall(cfg Config) (Finding, int) {
	type hit struct {
		in *instance.Instance
		m  int
	}
	first := map[[2]int]hit{}
	n := 0
	for K := 3; K <= 4; K++ {
		code := make([]int, K)
		for {
			z := make([]*big.Rat, K)
			x := make([]*big.Rat, K)
			for i := range z {
				z[i], x[i] = big.NewRat(int64(code[i]-1), 1), big.NewRat(int64(i+1), 1)
			}
			in := instance.OnLine(x, z)
			n++
			if iv, err := lowerbound.TwoLayerExact1D(x, z, 4); err == nil && iv.Lo == K-1 {
				if _, ok := first[[2]int{in.N(), K}]; !ok {
					first[[2]int{in.N(), K}] = hit{in, iv.Lo}
				}
			}
			if !lbNext(code, 4) {
				break
			}
		}
	}
	var pts []string
	for K := 3; K <= 4; K++ {
		for N := 0; N <= K; N++ {
			if h, ok := first[[2]int{N, K}]; ok {
				pts = append(pts, fmt.Sprintf("(N=%d,K=%d): z=%s", N, K, strings.Join(FromInstance(h.in, nil).Z, ",")))
			}
		}
	}
	h := first[[2]int{1, 3}]
	return Finding{Kind: FindLooseBound, Reproduce: lbReproduce("T4.1-L", cfg),
		Instance: FromInstance(h.in, map[string]string{"R": "1", "m*": "2"}),
		Text: fmt.Sprintf("beyond the paper: exact 2-layer m* (every placement, orientation and sign of R units decided by exact LPs; "+
			"the (R+1)-unit nets verified by the oracle) over all %d instances x_i = i, z ∈ {−1,0,1,2}^K, K = 3, 4. Instances needing "+
			"K−1 = min{3N+1, K−1} neurons exist at %s, so there m*(N, K) = K−1, the upper bound of Thm 4.1.1, and the stated lower "+
			"bound min{3N, K−2} is not attained (for the other (N, K) with K ≤ 4 no instance of this grid needs K−1). "+
			"Smallest: the attached z = (%s) has R = 1, but one neuron gives a monotone function. "+
			"A 2-layer net needs R or R+1 neurons on 1-D data, R+1 exactly when no minimum interpolant splits its slope jumps into "+
			"left- and right-facing units matching both outer slopes (e.g. (0,1,0,1,0) needs only R = 3).", n, strings.Join(pts, "; "),
			strings.Join(FromInstance(h.in, nil).Z, ", "))}, n
}

// lbNext advances a base-b counter; false after the last value.
func lbNext(code []int, b int) bool {
	for i := range code {
		code[i]++
		if code[i] < b {
			return true
		}
		code[i] = 0
	}
	return false
}
