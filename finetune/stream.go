package finetune

// Streaming: fine-tune K rows read pass by pass, with memory bounded by the
// networks, the N changed rows and one chunk, whatever K is.
//
// Every candidate construction is a function of the projected line: the
// 2-layer ones build φ on ℚ from the points (aᵀx_i, z_i) and compose it with
// a (g(x) = φ(aᵀx)). Along the line, Theorem 4.4 keeps only
// J = T ∪ {end points of the blocks of unchanged samples} (eq. 14), and an
// end point is the least or the greatest projection of the unchanged samples
// lying between two consecutive changed ones (or beyond the first or last).
// So one pass that knows T's projections finds J with O(N) memory: for each
// gap between consecutive values of T, the least and the greatest unchanged
// value in it. The reduced instance is those ≤ 3N+2 points on ℚ; each
// candidate is built on it, composed with a, and verified exactly against
// every row in a further pass. A candidate that relies on the dropped points
// being where the reduced instance does not see them (the minimum-breakpoint
// interpolant may bend between two kept zeros) fails that pass and the next
// is verified: verification on all K rows, not the reduction, is what makes
// the result sound.
//
// Why Theorem 4.4's network passes: for an unchanged row i whose projection
// lies in a gap, the gap's least and greatest unchanged values l ≤ aᵀx_i ≤ r
// are kept with z = 0 and no kept point lies strictly between them, so the
// interpolant is affine on [l, r] and zero at both ends (Lemma 4.5): it is
// zero at aᵀx_i. Any candidate φ that is zero at l, at r and at each of its
// own breakpoints between them is zero on [l, r] likewise; a candidate that
// is not (the minimum-breakpoint interpolant of the kept points may bend
// between two kept zeros) needs the dropped rows and is not used (a note
// says so). The verification pass over every row stays the arbiter.
//
// The direction is the one the in-memory path takes: the moment curve
// a(s) = (1, s, …, s^{d−1}) of construction/projection.go for the least
// s = 0, 1, … with every row's projection distinct, so that streaming
// changes how much memory the answer takes, not the answer. Rows are told
// apart by a 64-bit hash of their projection (8 bytes a row and direction):
// distinct hashes mean distinct values; equal hashes of distinct values
// (probability below K²/2⁶⁵) only make the search go on to a larger s, which
// is as valid. The first pass hashes s = 0, 1, 2; a later pass per window of
// further s. Equal rows collide for every s: when the first directions fail,
// a hash of every row (kept from the first pass) and one more pass for the
// rows whose hashes repeat find them. If no s < MomentTries separates the
// rows (the in-memory path then falls back to a lexicographic direction
// that needs every row at once), Stream returns a *NoDirectionError.
//
// Passes: one to find T (z = y − f(x) by the fast exact evaluator) and hash
// the first directions, one to find the gaps of the direction taken (or,
// when the first directions all collide, one per window of further s), one
// per candidate verified. f is evaluated in the first pass only: z is then
// known exactly for every row (0 off T, stored on T), so later passes check
// g(x_i) = z_i, which is (f+g)(x_i) = y_i.

import (
	"errors"
	"fmt"
	"math/big"
	"slices"
	"sort"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

// Chunk is a run of consecutive rows of one source file: inputs, labels (nil
// for points whose output must stay f's: z = 0 there) and, for messages, the
// file's name and the source line of each row.
type Chunk struct {
	X     [][]*big.Rat
	Y     []*big.Rat // nil: every row's target is z = 0 (a -keep point)
	Name  string
	Lines []int
}

// Source is data read pass by pass: every call of Pass reads all rows again,
// in the same order, and calls fn on consecutive chunks. An error of fn stops
// the pass and is returned.
type Source interface {
	Pass(fn func(c *Chunk) error) error
}

// StreamResult is the smallest verified candidate of a streamed fine-tuning.
type StreamResult struct {
	*Result
	K, N, Dim int
	Direction []*big.Rat         // a: g(x) = φ(aᵀx)
	S         int64              // a = (1, S, …, S^{d−1}); −1 for the lexicographic direction
	Reduced   *instance.Instance // the points (aᵀx_j, z_j), j ∈ J, on ℚ
	Passes    int                // passes over the data, all kinds
	Changed   []Changed          // the rows of T, by row
}

// Changed is a row with a nonzero target, where it came from, and z.
type Changed struct {
	Row  int // 0-based over the whole source
	X    []*big.Rat
	Z    *big.Rat
	Name string
	Line int
}

// StreamMismatch is a failed verification on streamed data: the row, its file
// and line, and the values.
type StreamMismatch struct {
	oracle.Mismatch
	Name string
	Line int
}

// Unwrap gives the row's *oracle.Mismatch to errors.As.
func (m *StreamMismatch) Unwrap() error { return &m.Mismatch }

func (m *StreamMismatch) Error() string {
	return fmt.Sprintf("%s:%d (row %d): g(x) = %s, want z = y − f(x) = %s", m.Name, m.Line, m.Row,
		oracle.FormatRat(m.Got), oracle.FormatRat(m.Want))
}

// NoDirectionError: no moment direction among the tries gives every row
// its own projection.
type NoDirectionError struct{ Tries int }

func (e *NoDirectionError) Error() string {
	return fmt.Sprintf("no direction a(s) = (1, s, …, s^(d−1)) with s < %d gives every row its own projection (the in-memory path would fall back to a lexicographic direction, which needs every row at once)", e.Tries)
}

// errStop ends a verification pass at the first mismatch.
var errStop = errors.New("stop")

// line is the source line of row i of c, or 0 when c does not say.
func (c *Chunk) line(i int) int {
	if i < len(c.Lines) {
		return c.Lines[i]
	}
	return 0
}

// Stream fine-tunes the rows of src (f+g = y on labelled rows, g = 0 on
// points without labels) with the smallest verified candidate of the depth.
// Each candidate is built on the reduced instance and verified on every row;
// the errors are Smallest's, *StreamMismatch inside Tried, and the source's.
func Stream(src Source, f *oracle.Network, depth int, opt Options) (*StreamResult, error) {
	st := &streamer{src: src, f: f}
	if err := st.findChanged(); err != nil {
		return nil, err
	}
	if st.K == 0 {
		return nil, fmt.Errorf("no data rows")
	}
	if err := st.findDirection(); err != nil {
		return nil, err
	}
	red := st.reduced()
	if opt.Reduced != nil {
		if err := opt.Reduced(red); err != nil {
			return nil, err
		}
	}
	cands := opt.candidates(depth)
	built, err := buildAll(red, cands)
	if err != nil {
		return nil, err
	}
	// Smallest first, as Smallest: the gap check and the verification pass
	// run on a candidate only until one passes (each costs a Restrict of
	// the candidate, which for the large 3-layer ones is most of the work).
	best, aside, err := smallestFirst(built, func(c namedBuilt) (*construction.Built, *oracle.Certificate, error) {
		// φ's pieces, computed once: for the gap check and as the 1-D
		// lookup of the composed network's verification.
		pl := c.Net.Restrict(oracle.Zeros(1), oracle.Rats(1))
		if !st.zeroOnGaps(pl) {
			return nil, nil, &setAside{"it bends between two kept rows of a gap, where rows were dropped from the streamed instance"}
		}
		net := construction.ComposeAlong(c.Net, st.a)
		if !composes(net, c.Net, st.a) {
			return nil, nil, fmt.Errorf("finetune: the network of %s composed with a is not φ(aᵀx)", c.name)
		}
		// net(x) = φ(aᵀx) exactly (checked just above, weight by weight),
		// so verifying φ(aᵀx) on the rows verifies net.
		mm, method, err := st.verify(oracle.NewLineEvaluator(st.a, pl))
		switch {
		case mm != nil:
			return nil, nil, mm
		case err != nil:
			return nil, nil, err
		}
		b := *c.Built
		b.Net = net
		return &b, &oracle.Certificate{Rows: st.K, Method: method}, nil
	})
	if err != nil {
		return nil, err
	}
	best.Notes = append(st.notes(red, best.Notes), aside...)
	return &StreamResult{Result: best, K: st.K, N: len(st.T), Dim: st.d,
		Direction: st.a, S: st.s, Reduced: red, Passes: st.passes, Changed: st.T}, nil
}

type streamer struct {
	src    Source
	f      *oracle.Network
	K, d   int
	T      []Changed // by row
	a      []*big.Rat
	s      int64
	tv     []*big.Rat // projections of T, increasing
	tz     []*big.Rat // their targets
	lo, hi []*big.Rat // least and greatest unchanged value in gap k (k = 0..N: below tv[0], …, above tv[N−1]); nil if empty
	passes int
	first  []*direction // the directions the first pass tries
}

// RowsChangedError: a pass saw another number of rows than the first (the
// data changed while it was read).
type RowsChangedError struct{ Pass, Got, Want int }

func (e *RowsChangedError) Error() string {
	return fmt.Sprintf("pass %d read %d rows, the first pass %d: the data changed while it was read", e.Pass, e.Got, e.Want)
}

// pass runs one pass, numbering rows over the whole source. After the first
// pass every pass must read K rows.
func (st *streamer) pass(fn func(row0 int, c *Chunk) error) error {
	st.passes++
	row := 0
	err := st.src.Pass(func(c *Chunk) error {
		if c.Y != nil && len(c.Y) != len(c.X) {
			return fmt.Errorf("%s: chunk of %d inputs and %d labels", c.Name, len(c.X), len(c.Y))
		}
		err := fn(row, c)
		row += len(c.X)
		return err
	})
	if err == nil && st.passes > 1 && row != st.K {
		return &RowsChangedError{st.passes, row, st.K}
	}
	return err
}

// direction is one s tried: the hash of every row's projection on a(s), and,
// once T is known, T's values and the extremes of each gap.
type direction struct {
	s      int64
	a      []*big.Rat
	pr     *oracle.Projector
	hashes hashList
	v      big.Rat
	// early holds the first hashes, to give up on a direction as soon as
	// two collide (s = 0 and 1 usually do within a few hundred rows);
	// dead marks it given up.
	early map[uint64]struct{}
	dead  bool
	known bool // distinct already: a pass only finds the gaps
	// With T known:
	tv, tz []*big.Rat
	ts     *oracle.Sorted
	lo, hi []*big.Rat
}

// hashList is a list of hashes in blocks: it grows without copying or the
// slack of a doubling slice, which at K = 10⁷ is what decides the peak.
type hashList struct {
	blocks [][]uint64
	n      int
}

const hashBlock = 1 << 15

func (l *hashList) add(h uint64) {
	if l.n%hashBlock == 0 {
		l.blocks = append(l.blocks, make([]uint64, 0, hashBlock))
	}
	b := &l.blocks[len(l.blocks)-1]
	*b = append(*b, h)
	l.n++
}

// repeats returns the hashes that occur more than once (at most max of
// them; more is reported as nil, false), and frees the list. Each block is
// sorted in place and the blocks are merged through a heap, so no second
// copy of the hashes is made.
func (l *hashList) repeats(max int) (map[uint64]bool, bool) {
	for _, b := range l.blocks {
		slices.Sort(b)
	}
	h := &blockHeap{}
	for _, b := range l.blocks {
		if len(b) > 0 {
			h.push(b)
		}
	}
	l.blocks, l.n = nil, 0
	dup := map[uint64]bool{}
	var last uint64
	first := true
	for len(h.bs) > 0 {
		v := h.bs[0][0]
		if !first && v == last {
			if dup[v] = true; len(dup) > max {
				return nil, false
			}
		}
		last, first = v, false
		h.pop()
	}
	return dup, true
}

// blockHeap merges sorted blocks: the heads in a min-heap.
type blockHeap struct{ bs [][]uint64 }

func (h *blockHeap) push(b []uint64) {
	h.bs = append(h.bs, b)
	for i := len(h.bs) - 1; i > 0; {
		p := (i - 1) / 2
		if h.bs[p][0] <= h.bs[i][0] {
			break
		}
		h.bs[p], h.bs[i] = h.bs[i], h.bs[p]
		i = p
	}
}

// pop drops the least head, and its block once empty.
func (h *blockHeap) pop() {
	if h.bs[0] = h.bs[0][1:]; len(h.bs[0]) == 0 {
		last := len(h.bs) - 1
		h.bs[0] = h.bs[last]
		h.bs = h.bs[:last]
	}
	for i := 0; ; {
		m, l, r := i, 2*i+1, 2*i+2
		if l < len(h.bs) && h.bs[l][0] < h.bs[m][0] {
			m = l
		}
		if r < len(h.bs) && h.bs[r][0] < h.bs[m][0] {
			m = r
		}
		if m == i {
			return
		}
		h.bs[i], h.bs[m] = h.bs[m], h.bs[i]
		i = m
	}
}

// earlyRows is how many rows' hashes a direction keeps in a set.
const earlyRows = 1 << 16

func newDirection(d int, s int64) *direction {
	a := construction.Moment(d, big.NewRat(s, 1))
	return &direction{s: s, a: a, pr: oracle.NewProjector(a), early: map[uint64]struct{}{}}
}

// withT sorts T's projections; false if two of them are equal.
func (dr *direction) withT(T []Changed) bool {
	vals := make([]*big.Rat, len(T))
	order := make([]int, len(T))
	for i := range T {
		order[i] = i
		vals[i] = dr.pr.Project(T[i].X, new(big.Rat))
	}
	sort.Slice(order, func(i, j int) bool { return vals[order[i]].Cmp(vals[order[j]]) < 0 })
	dr.tv, dr.tz = make([]*big.Rat, len(T)), make([]*big.Rat, len(T))
	for k, i := range order {
		dr.tv[k], dr.tz[k] = vals[i], T[i].Z
		if k > 0 && dr.tv[k-1].Cmp(dr.tv[k]) == 0 {
			return false
		}
	}
	dr.ts = oracle.NewSorted(dr.tv)
	dr.lo, dr.hi = make([]*big.Rat, len(T)+1), make([]*big.Rat, len(T)+1)
	return true
}

// see projects x, keeps its hash and, with T known and x unchanged, widens
// its gap's extremes.
func (dr *direction) see(x []*big.Rat, changed bool) {
	if dr.dead {
		return
	}
	v := dr.pr.Project(x, &dr.v)
	var h uint64
	if !dr.known {
		h = ratHash(v)
	}
	if dr.early != nil {
		if _, ok := dr.early[h]; ok {
			dr.dead, dr.hashes, dr.early = true, hashList{}, nil
			return
		}
		if dr.early[h] = struct{}{}; len(dr.early) == earlyRows {
			dr.early = nil
		}
	}
	if !dr.known {
		dr.hashes.add(h)
	}
	if dr.tv == nil || changed {
		return
	}
	k, on := dr.ts.Search(v)
	if on {
		return // on a changed row's value: the hashes repeat
	}
	if dr.lo[k] == nil || v.Cmp(dr.lo[k]) < 0 {
		dr.lo[k] = new(big.Rat).Set(v)
	}
	if dr.hi[k] == nil || v.Cmp(dr.hi[k]) > 0 {
		dr.hi[k] = new(big.Rat).Set(v)
	}
}

// window is how many directions one pass tries after the first: 8 bytes a
// row each, at most 4, fewer as K grows, so that the hashes stay near
// 160 MB at most.
func window(d, K int) int {
	if d == 1 {
		return 1
	}
	return max(1, min(4, (20<<20)/max(K, 1)))
}

// findChanged is the first pass: K, d, the rows with z = y − f(x) ≠ 0, and
// the projections' hashes on the first directions.
func (st *streamer) findChanged() error {
	var ev *oracle.Evaluator
	if st.f != nil {
		ev = oracle.NewEvaluator(st.f)
	}
	st.K, st.T = 0, nil
	err := st.pass(func(row0 int, c *Chunk) error {
		for i, x := range c.X {
			if st.d == 0 {
				st.d = len(x)
				for s := range min(window(st.d, 1), 3) { // K unknown yet: 24 bytes a row at most
					st.first = append(st.first, newDirection(st.d, int64(s)))
				}
			}
			if len(x) != st.d || st.d == 0 {
				return fmt.Errorf("%s:%d: %d coordinates, the first row has %d", c.Name, c.line(i), len(x), st.d)
			}
		}
		st.K += len(c.X)
		for _, x := range c.X {
			for _, dr := range st.first {
				dr.see(x, false)
			}
		}
		if c.Y == nil {
			return nil
		}
		var fx []*big.Rat
		if ev != nil {
			fx = ev.EvalAll(c.X)
		}
		for i, y := range c.Y {
			z := new(big.Rat).Set(y)
			if fx != nil {
				z.Sub(z, fx[i])
			}
			if z.Sign() != 0 {
				st.T = append(st.T, Changed{Row: row0 + i, X: c.X[i], Z: z, Name: c.Name, Line: c.line(i)})
			}
		}
		return nil
	})
	return err
}

// findDirection takes the least s whose projections are pairwise distinct:
// from the first pass's hashes (then one pass finds the gaps), else a pass
// per window of further s, finding hashes and gaps at once. Equal rows fail
// every s: after the second window (or the last), the rows whose
// projections repeat on the direction with the fewest repeats are compared
// exactly in one more pass.
func (st *streamer) findDirection() error {
	tried := int64(len(st.first))
	var sus suspects
	for _, dr := range st.first {
		if sus.distinct(dr) && dr.withT(st.T) {
			dr.early, dr.known = nil, true
			st.first = nil
			if err := st.scan([]*direction{dr}); err != nil {
				return err
			}
			return st.take(dr)
		}
	}
	st.first = nil
	w := int64(window(st.d, st.K))
	for s0 := tried; ; s0 += w {
		var try []*direction
		for s := s0; st.d > 1 && s < min(s0+w, construction.MomentTries); s++ {
			if dr := newDirection(st.d, s); dr.withT(st.T) {
				try = append(try, dr)
			}
		}
		if len(try) > 0 {
			if err := st.scan(try); err != nil {
				return err
			}
			for _, dr := range try {
				if sus.distinct(dr) {
					return st.take(dr)
				}
			}
		}
		last := st.d == 1 || s0+w >= construction.MomentTries
		// Equal rows fail every window; they are looked for after the
		// second (the first is usually enough at K ≤ 10⁶, the second at
		// 10⁷, so a pass is spent on them only when s ≥ 3 + 2w) or the last.
		if s0 == tried+w || (last && s0 < tried+w) {
			if err := st.duplicates(&sus); err != nil {
				return err
			}
		}
		if last {
			if st.d == 1 {
				return &NoDirectionError{construction.MomentTries}
			}
			dr, err := st.lexDirection()
			if err != nil {
				return err
			}
			if dr == nil || !dr.withT(st.T) {
				return &NoDirectionError{construction.MomentTries}
			}
			if err := st.scan([]*direction{dr}); err != nil {
				return err
			}
			if !sus.distinct(dr) {
				return &NoDirectionError{construction.MomentTries}
			}
			return st.take(dr)
		}
	}
}

// suspects is the direction with the fewest repeated hashes seen so far and
// those hashes: equal rows are among the rows whose projections repeat
// there.
type suspects struct {
	dr  *direction
	dup map[uint64]bool
}

// distinct reports whether dr's hashes are all distinct (then no two
// projections are equal; equal hashes of distinct values, probability below
// K²/2⁶⁵, only make the search go on to a larger s); when not, its repeats
// become the suspects if they are fewer. It frees dr's hashes.
func (s *suspects) distinct(dr *direction) bool {
	if dr.dead {
		return false
	}
	dup, ok := dr.hashes.repeats(1 << 16) // suspects beyond 2¹⁶ rows would cost more than the rows' own hashes
	if ok && len(dup) == 0 {
		return true
	}
	if ok && (s.dr == nil || len(dup) < len(s.dup)) {
		s.dr, s.dup = dr, dup
	}
	return false
}

// scan is one pass feeding every row to the directions.
func (st *streamer) scan(dirs []*direction) error {
	next := 0
	return st.pass(func(row0 int, c *Chunk) error {
		for i, x := range c.X {
			changed := next < len(st.T) && st.T[next].Row == row0+i
			if changed {
				next++
			}
			for _, dr := range dirs {
				dr.see(x, changed)
			}
		}
		return nil
	})
}

func (st *streamer) take(dr *direction) error {
	st.a, st.s, st.tv, st.tz, st.lo, st.hi = dr.a, dr.s, dr.tv, dr.tz, dr.lo, dr.hi
	return nil
}

// method is the direction's kind for construction.PlanNotes.
func (st *streamer) method() string {
	if st.s < 0 {
		return "lexicographic"
	}
	return "moment"
}

// maxLexBits bounds the lcm of the coordinates' denominators that the
// lexicographic direction is built from.
const maxLexBits = 4096

// lexDirection is the fallback after every moment direction failed (the
// in-memory path's too, construction/projection.go): a = (1, ε, …, ε^{d−1})
// orders distinct rows lexicographically when δ·(1−ε) > D·ε, δ the least
// gap between two distinct values of one coordinate and D the largest
// spread. Streamed, δ is not known; every coordinate is a multiple of 1/L,
// L the lcm of all their denominators, so δ ≥ 1/L, and ε = 1/(L·D + 2)
// gives D·ε/(1−ε) = D/(L·D + 1) < 1/L ≤ δ. One pass finds L and D (rows
// distinct is known already). It is nil when L has more than maxLexBits
// bits.
func (st *streamer) lexDirection() (*direction, error) {
	L := big.NewInt(1)
	lo, hi := make([]*big.Rat, st.d), make([]*big.Rat, st.d)
	var g big.Int
	err := st.pass(func(_ int, c *Chunk) error {
		for _, x := range c.X {
			for k, v := range x {
				if lo[k] == nil || v.Cmp(lo[k]) < 0 {
					lo[k] = v
				}
				if hi[k] == nil || v.Cmp(hi[k]) > 0 {
					hi[k] = v
				}
				if den := v.Denom(); !den.IsInt64() || den.Int64() != 1 {
					g.GCD(nil, nil, L, den)
					L.Mul(L, new(big.Int).Quo(den, &g))
				}
			}
		}
		if L.BitLen() > maxLexBits {
			return errStop
		}
		return nil
	})
	if errors.Is(err, errStop) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	D := new(big.Rat)
	for k := range lo {
		if sp := new(big.Rat).Sub(hi[k], lo[k]); sp.Cmp(D) > 0 {
			D = sp
		}
	}
	eps := new(big.Rat).Mul(new(big.Rat).SetInt(L), D)
	eps.Add(eps, big.NewRat(2, 1))
	eps.Inv(eps)
	a := construction.Moment(st.d, eps)
	return &direction{s: -1, a: a, pr: oracle.NewProjector(a), early: map[uint64]struct{}{}}, nil
}

// duplicates finds equal rows in one more pass: among the rows whose
// projection on the suspects' direction has a repeated hash (every pair of
// equal rows does), or, with no such direction (all given up early, or
// more than 2¹⁶ repeats), among the rows whose own hashes repeat, which a
// pass before it collects. The first row equal to an earlier one is a
// *oracle.DuplicatePointError; none is nil.
func (st *streamer) duplicates(sus *suspects) error {
	key := func(x []*big.Rat) uint64 { return rowHash(x) }
	dup := sus.dup
	if sus.dr != nil {
		pr, v := sus.dr.pr, new(big.Rat)
		key = func(x []*big.Rat) uint64 { return ratHash(pr.Project(x, v)) }
	} else {
		var rows hashList
		if err := st.pass(func(_ int, c *Chunk) error {
			for _, x := range c.X {
				rows.add(rowHash(x))
			}
			return nil
		}); err != nil {
			return err
		}
		dup, _ = rows.repeats(1 << 30)
	}
	if len(dup) == 0 {
		return nil
	}
	type seen struct {
		x   []*big.Rat
		row int
	}
	byHash := map[uint64][]seen{}
	return st.pass(func(row0 int, c *Chunk) error {
		for i, x := range c.X {
			h := key(x)
			if !dup[h] {
				continue
			}
			for _, e := range byHash[h] {
				if equalRow(e.x, x) {
					return &oracle.DuplicatePointError{I: e.row + 1, J: row0 + i + 1}
				}
			}
			byHash[h] = append(byHash[h], seen{x, row0 + i})
		}
		return nil
	})
}

// fnv is 64-bit FNV-1a over words, byte by byte.
type fnv uint64

func (h *fnv) word(w uint64) {
	for range 8 {
		*h ^= fnv(w & 0xff)
		*h *= 1099511628211
		w >>= 8
	}
}

func (h *fnv) rat(v *big.Rat) {
	h.word(uint64(v.Sign() + 2))
	for _, w := range v.Num().Bits() {
		h.word(uint64(w))
	}
	h.word(0xfe)
	for _, w := range v.Denom().Bits() {
		h.word(uint64(w))
	}
	h.word(0xff)
}

// ratHash and rowHash hash exact values: equal values, equal hashes.
func ratHash(v *big.Rat) uint64 {
	h := fnv(14695981039346656037)
	h.rat(v)
	return uint64(h)
}

func rowHash(x []*big.Rat) uint64 {
	h := fnv(14695981039346656037)
	for _, v := range x {
		h.rat(v)
	}
	return uint64(h)
}

func equalRow(p, q []*big.Rat) bool {
	for k := range p {
		if p[k].Cmp(q[k]) != 0 {
			return false
		}
	}
	return true
}

// reduced is the instance on ℚ of the kept points: T's values with their
// targets and each gap's least and greatest unchanged value with target 0,
// increasing. With fewer than 3 points (the constructions need K ≥ 3) it is
// padded with zero targets one unit beyond its ends: extra constraints, so
// any g that fits the padded instance and verifies on the rows is as good.
func (st *streamer) reduced() *instance.Instance {
	in := &instance.Instance{}
	add := func(v, z *big.Rat) {
		if n := len(in.X); n > 0 && in.X[n-1][0].Cmp(v) == 0 {
			return
		}
		in.X, in.Z = append(in.X, []*big.Rat{v}), append(in.Z, z)
	}
	for k := 0; k <= len(st.tv); k++ {
		if st.lo[k] != nil {
			add(st.lo[k], new(big.Rat))
			add(st.hi[k], new(big.Rat))
		}
		if k < len(st.tv) {
			add(st.tv[k], st.tz[k])
		}
	}
	for len(in.X) < 3 {
		one := big.NewRat(1, 1)
		first := new(big.Rat).Sub(in.X[0][0], one)
		in.X = append([][]*big.Rat{{first}}, in.X...)
		in.Z = append([]*big.Rat{new(big.Rat)}, in.Z...)
		if len(in.X) < 3 {
			last := new(big.Rat).Add(in.X[len(in.X)-1][0], one)
			in.X, in.Z = append(in.X, []*big.Rat{last}), append(in.Z, new(big.Rat))
		}
	}
	return in
}

// zeroOnGaps reports false when φ (a network on ℚ, as its pieces), zero at both ends lo, hi
// of some gap, is not zero at one of its breakpoints between them: it fits
// the kept points but not, in general, the rows dropped between them. A
// network not zero at an end fits no reduced instance; that is left to the
// verification pass, which names the row.
func (st *streamer) zeroOnGaps(pl *oracle.PiecewiseLinear) bool {
	for k := range st.lo {
		lo, hi := st.lo[k], st.hi[k]
		if lo == nil || pl.Eval(lo).Sign() != 0 || pl.Eval(hi).Sign() != 0 {
			continue
		}
		i := sort.Search(len(pl.Points), func(i int) bool { return pl.Points[i].Cmp(lo) > 0 })
		for ; i < len(pl.Points) && pl.Points[i].Cmp(hi) < 0; i++ {
			if pl.Values[i].Sign() != 0 {
				return false
			}
		}
	}
	return true
}

// notes rewrites the projection and |J| notes that Theorem 4.4's networks
// carry from the reduced instance (s = 0 on ℚ, nothing removed) into those
// of the rows: the direction a(s) found and K − |J| rows removed, the notes
// the in-memory path gives.
func (st *streamer) notes(red *instance.Instance, notes []string) []string {
	p, err := construction.PlanTwoLayer(red)
	if err == nil {
		kept := len(p.J)
		onLine := construction.PlanNotes(p.Proj.S, p.Proj.Method, kept, p.Removed)
		if len(notes) >= len(onLine) && slices.Equal(notes[:len(onLine)], onLine) {
			return append(construction.PlanNotes(st.s, st.method(), kept, st.K-kept), notes[len(onLine):]...)
		}
	}
	dir := construction.PlanNotes(st.s, st.method(), 0, 0)[0]
	return append([]string{fmt.Sprintf("%s; the construction ran on the %d points kept along it, of K = %d (its notes below are about them)", dir, red.K(), st.K)}, notes...)
}

// composes reports whether net is phi with its first layer's column
// multiplied by aᵀ, every other weight equal: net(x) = phi(aᵀx).
func composes(net, phi *oracle.Network, a []*big.Rat) bool {
	if len(net.Layers) != len(phi.Layers) {
		return false
	}
	var t big.Rat
	for li, l := range net.Layers {
		p := phi.Layers[li]
		if len(l.W) != len(p.W) || len(l.B) != len(p.B) {
			return false
		}
		for r := range l.W {
			if l.B[r].Cmp(p.B[r]) != 0 {
				return false
			}
			if li == 0 {
				if len(l.W[r]) != len(a) || len(p.W[r]) != 1 {
					return false
				}
				for k := range a {
					if l.W[r][k].Cmp(t.Mul(p.W[r][0], a[k])) != 0 {
						return false
					}
				}
				continue
			}
			if len(l.W[r]) != len(p.W[r]) {
				return false
			}
			for k := range l.W[r] {
				if l.W[r][k].Cmp(p.W[r][k]) != 0 {
					return false
				}
			}
		}
	}
	return true
}

// verify is one pass checking g(x_i) = z_i on every row: the first mismatch
// (the pass stops there), or the source's error, and the evaluation method.
func (st *streamer) verify(ev *oracle.Evaluator) (*StreamMismatch, string, error) {
	method := "exact (layer by layer)"
	if ev.Fast() {
		method = "exact (1-D lookup)"
	}
	var mm *StreamMismatch
	next := 0
	err := st.pass(func(row0 int, c *Chunk) error {
		got := ev.EvalAll(c.X)
		for i, v := range got {
			want := new(big.Rat)
			if next < len(st.T) && st.T[next].Row == row0+i {
				want = st.T[next].Z
				next++
			}
			if v.Cmp(want) != 0 {
				mm = &StreamMismatch{Mismatch: oracle.Mismatch{Row: row0 + i + 1, Got: v, Want: want}, Name: c.Name, Line: c.line(i)}
				return errStop
			}
		}
		return nil
	})
	if mm != nil {
		return mm, method, nil
	}
	return nil, method, err
}
