package theorem

// derived_grid.go checks the statements the paper derives from its theorems
// (SPEC.md §3, "Derived statements") mechanically, over exact integer grids:
// at every grid point it asks whether each stated bound follows from the
// theorem's bounds as stated, and reports every point where it does not.
//
// The inversion (Def. 3.3). m*(N, K) is the least m that fine-tunes every
// instance with |T| = N; N*(m, K) is the largest N ≤ K that m neurons always
// fine-tune. Fine-tunability is monotone in N (an instance with |T| = N−1 is
// one with |T| = N and z_j = 0, allowed since z ∈ ℝ) and in m (add a dead
// neuron), so N*(m, K) = max{N ≤ K : m*(N, K) ≤ m}. Given integer bounds
// lo(N, K) ≤ m*(N, K) ≤ hi(N, K) (the least integer ≥ the stated lower bound
// and the greatest integer ≤ the stated upper bound: m* is an integer),
//
//	Nlo(m, K) = max{N ≤ K : hi(N, K) ≤ m} ≤ N*(m, K) ≤ max{N ≤ K : lo(N, K) ≤ m} = Nhi(m, K).
//
// N = 0 is always fine-tunable (g = 0), so Nlo is at least 0. These are the
// strongest bounds on N* the theorem gives: a stated lower bound A follows iff
// A ≤ Nlo, a stated upper bound B follows iff Nhi ≤ B. Where a bound does not
// follow, the truth is decided from the same facts when possible: A > Nhi or
// B < Nlo makes the statement false (a counterexample); otherwise it is
// undecided by the theorem as stated, and the point is reported as a
// proof-step finding (the statement may still be true).
//
// Failures are grouped by kind; each group reports its smallest grid point
// (least m, then K, then N) and how many points fail that way.

import (
	"fmt"
	"math/big"
	"sort"
	"strings"

	"github.com/ftcheck/ftcheck/bounds"
)

// gridPoint is one point of a grid; −1 marks an unused coordinate.
type gridPoint struct{ m, N, K int }

func (p gridPoint) less(q gridPoint) bool {
	if p.m != q.m {
		return p.m < q.m
	}
	if p.K != q.K {
		return p.K < q.K
	}
	return p.N < q.N
}

func (p gridPoint) instance() *Instance {
	params := map[string]string{}
	for _, kv := range []struct {
		k string
		v int
	}{{"m", p.m}, {"N", p.N}, {"K", p.K}} {
		if kv.v >= 0 {
			params[kv.k] = fmt.Sprint(kv.v)
		}
	}
	return &Instance{Params: params}
}

func (p gridPoint) String() string {
	var parts []string
	if p.m >= 0 {
		parts = append(parts, fmt.Sprintf("m=%d", p.m))
	}
	if p.N >= 0 {
		parts = append(parts, fmt.Sprintf("N=%d", p.N))
	}
	if p.K >= 0 {
		parts = append(parts, fmt.Sprintf("K=%d", p.K))
	}
	return strings.Join(parts, ", ")
}

// truth is what the exact facts decide at a point where a derivation fails.
type truth int

const (
	undecided truth = iota
	decidedFalse
	decidedTrue
	// stepOnly: the bound follows from the theorem as stated, but a step of
	// the theorem's own proof (a construction with integer widths) does not
	// deliver it at this point, and no other construction checked here does.
	stepOnly
)

// failureGroup is one kind of failure: its smallest point and its count.
type failureGroup struct {
	kind   FindingKind
	what   string // what fails, the same sentence for every point of the group
	status truth
	first  gridPoint
	detail string // the numbers at the smallest point
	count  int
	ms     map[int]bool // distinct m among the failing points
}

// failureLog collects failures by kind.
type failureLog struct {
	groups map[string]*failureGroup
}

func newFailureLog() *failureLog { return &failureLog{groups: map[string]*failureGroup{}} }

// add records a failure of kind what at p; detail is evaluated lazily.
func (l *failureLog) add(kind FindingKind, status truth, what string, p gridPoint, detail func() string) {
	key := fmt.Sprintf("%s|%d|%s", kind, status, what)
	g, ok := l.groups[key]
	if !ok {
		l.groups[key] = &failureGroup{kind: kind, what: what, status: status, first: p, detail: detail(), count: 1,
			ms: map[int]bool{p.m: true}}
		return
	}
	g.count++
	g.ms[p.m] = true
	if p.less(g.first) {
		g.first, g.detail = p, detail()
	}
}

func (l *failureLog) sorted() []*failureGroup {
	out := make([]*failureGroup, 0, len(l.groups))
	for _, g := range l.groups {
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].first != out[j].first {
			return out[i].first.less(out[j].first)
		}
		return out[i].what < out[j].what
	})
	return out
}

// count returns how many grid points failed with the given status.
func (l *failureLog) count(status truth) int {
	n := 0
	for _, g := range l.groups {
		if g.status == status {
			n += g.count
		}
	}
	return n
}

// findings renders the groups; decided-false groups are counterexamples.
func (l *failureLog) findings(id string, cfg Config) []Finding {
	var out []Finding
	for _, g := range l.sorted() {
		kind := g.kind
		if g.status == decidedFalse {
			kind = FindCounterexample
		}
		verdict := map[truth]string{
			undecided:    "the theorem's bounds as stated leave the statement undecided there",
			decidedFalse: "the statement is false there",
			decidedTrue:  "the statement is nevertheless true there",
			stepOnly:     "the bound still follows from the theorem as stated, but no construction checked here realises it",
		}[g.status]
		where := fmt.Sprintf("%d grid point(s)", g.count)
		if g.first.m >= 0 {
			where = fmt.Sprintf("%d grid point(s), %d distinct m", g.count, len(g.ms))
		}
		out = append(out, Finding{
			Kind: kind,
			Text: fmt.Sprintf("%s at %s; smallest %s: %s; %s.",
				g.what, where, g.first, g.detail, verdict),
			Instance:  g.first.instance(),
			Reproduce: reproduce(id, cfg),
		})
	}
	return out
}

func reproduce(id string, cfg Config) string {
	return fmt.Sprintf("ftcheck check %s -seed %d -checks %d", id, cfg.Seed, cfg.Checks)
}

// verdictOf turns a failure log into a verdict: any point where the statement
// is decided false is a counterexample; any point left undecided makes the
// claim inconclusive (it does not follow as the paper says it does).
func verdictOf(l *failureLog) Verdict {
	switch {
	case l.count(decidedFalse) > 0:
		return Counterexample
	case l.count(undecided) > 0:
		return Inconclusive
	}
	return Holds
}

// mBounds are a theorem's bounds on m*(N, K) as integers: lo is the least
// integer ≥ the stated lower bound, hi the greatest integer ≤ the stated
// upper bound.
type mBounds struct {
	name   string
	lo, hi func(N, K int) int
}

// nRange returns Nlo(m, K) and Nhi(m, K) (see the file comment), scanning
// every N ≤ K without assuming monotonicity.
func (b mBounds) nRange(m, K int) (lo, hi int) {
	for N := 0; N <= K; N++ {
		if b.hi(N, K) <= m {
			lo = N
		}
		if b.lo(N, K) <= m {
			hi = N
		}
	}
	return lo, hi
}

// nStatement is a stated two-sided bound A ≤ N* ≤ B at one point (B rational).
type nStatement struct {
	lower      int
	upper      *big.Rat
	lowerWhat  string // e.g. "⌊(m−1)/3⌋ ≤ N*"
	upperWhat  string
	lowerTrue  bool // the lower bound holds trivially (e.g. A ≤ 0)
	upperTrivi bool // the upper bound holds trivially (B ≥ K)
}

// nFacts are bounds on N* from facts beyond the theorem (nil when none are
// used): lo from verified constructions, hi from verified witnesses and
// piece counts (−1: none), each with a sentence saying which.
type nFacts struct {
	lo    int
	how   func() string // why N* ≥ lo
	hi    int           // −1: none
	hiHow func() string // why N* ≤ hi
	// upTo, when set, is consulted only where a stated upper bound B is
	// still undecided: it reports whether N* ≤ ⌊B⌋ can be shown, and why.
	upTo func(b int) (bool, string)
}

// checkN checks one stated bound on N* at p against [nlo, nhi]. Where the
// stated upper bound does not follow, facts (if any) may decide it false.
func checkN(l *failureLog, p gridPoint, st nStatement, nlo, nhi int, thm string, facts *nFacts) {
	if st.lower > nlo && !st.lowerTrue {
		status := undecided
		if st.lower > nhi {
			status = decidedFalse
		}
		l.add(FindProofStep, status, fmt.Sprintf("%s does not follow from %s", st.lowerWhat, thm), p, func() string {
			return fmt.Sprintf("stated lower %d > %d = max{N : upper bound on m*(N,K) ≤ m}, and N* ≤ %d", st.lower, nlo, nhi)
		})
	}
	if st.upper == nil || st.upperTrivi || big.NewRat(int64(nhi), 1).Cmp(st.upper) <= 0 {
		return
	}
	status := undecided
	var why func() string
	switch {
	case big.NewRat(int64(nlo), 1).Cmp(st.upper) > 0:
		status = decidedFalse
	case facts != nil && big.NewRat(int64(facts.lo), 1).Cmp(st.upper) > 0:
		status, why = decidedFalse, facts.how
	case facts != nil && facts.hi >= 0 && big.NewRat(int64(facts.hi), 1).Cmp(st.upper) <= 0:
		status, why = decidedTrue, facts.hiHow
	case facts != nil && facts.upTo != nil:
		b := int(bounds.FloorRat(st.upper).Int64())
		if ok, s := facts.upTo(b); ok {
			status, why = decidedTrue, func() string { return s }
		}
	}
	l.add(FindProofStep, status, fmt.Sprintf("%s does not follow from %s", st.upperWhat, thm), p, func() string {
		s := fmt.Sprintf("stated upper %s < %d = max{N : lower bound on m*(N,K) ≤ m}, and %s gives N* ≥ %d",
			st.upper.RatString(), nhi, thm, nlo)
		if why != nil {
			s += "; " + why()
		}
		return s
	})
}
