package bounds

// radsum.go implements the exact sign of a finite sum Σ c_i·√n_i with
// rational c_i and square-free positive integers n_i. Every comparison in the
// package reduces to such a sign.
//
// Method (repeated squaring, one prime at a time). Let P be the primes that
// divide some n_i. If P is empty the sum is rational. Otherwise pick p ∈ P and
// split x = A + √p·B, where A collects the terms with p ∤ n_i and B the terms
// with p | n_i (with n_i/p in place of n_i); A and B involve only the primes
// P∖{p}. Their signs sA, sB are found recursively. If sB = 0 the sign is sA,
// if sA = 0 it is sB, if sA = sB it is that sign. Otherwise the two parts have
// opposite signs and x has the sign of the larger in absolute value:
// |A| > |√p·B| ⟺ A² − p·B² > 0, and A² − p·B² again involves only P∖{p}
// (a product √a·√b of square-free a, b is g·√(ab/g²) with g = gcd(a, b), and
// ab/g² is square-free with no prime outside those of a and b). So
// sign(x) = sA·sign(A² − p·B²). Every step is exact rational arithmetic, and
// the recursion ends because each level removes one prime.

import (
	"math/big"
	"sort"
	"sync"
)

// radsum is Σ c·√n keyed by the decimal string of the square-free n ≥ 1.
type radsum map[string]radterm

type radterm struct {
	n *big.Int // square-free, ≥ 1
	c *big.Rat // nonzero
}

// addTerm adds c·√n (n square-free ≥ 1) to s in place.
func (s radsum) addTerm(c *big.Rat, n *big.Int) {
	if c.Sign() == 0 {
		return
	}
	k := n.String()
	if t, ok := s[k]; ok {
		sum := new(big.Rat).Add(t.c, c)
		if sum.Sign() == 0 {
			delete(s, k)
			return
		}
		s[k] = radterm{n: t.n, c: sum}
		return
	}
	s[k] = radterm{n: new(big.Int).Set(n), c: new(big.Rat).Set(c)}
}

func (s radsum) add(t radsum) radsum {
	out := radsum{}
	for _, x := range s {
		out.addTerm(x.c, x.n)
	}
	for _, x := range t {
		out.addTerm(x.c, x.n)
	}
	return out
}

func (s radsum) scale(q *big.Rat) radsum {
	out := radsum{}
	for _, x := range s {
		out.addTerm(new(big.Rat).Mul(x.c, q), x.n)
	}
	return out
}

// mul multiplies two sums using √a·√b = g·√(ab/g²), g = gcd(a, b).
func (s radsum) mul(t radsum) radsum {
	out := radsum{}
	for _, x := range s {
		for _, y := range t {
			g := new(big.Int).GCD(nil, nil, x.n, y.n)
			n := new(big.Int).Mul(x.n, y.n)
			n.Quo(n, g).Quo(n, g)
			c := new(big.Rat).Mul(x.c, y.c)
			c.Mul(c, new(big.Rat).SetInt(g))
			out.addTerm(c, n)
		}
	}
	return out
}

// primes returns the sorted distinct primes dividing the radicands of s.
func (s radsum) primes() []*big.Int {
	seen := map[string]*big.Int{}
	for _, x := range s {
		for _, p := range primeFactors(x.n) {
			seen[p.String()] = p
		}
	}
	out := make([]*big.Int, 0, len(seen))
	for _, p := range seen {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Cmp(out[j]) < 0 })
	return out
}

// sign is the exact sign of s (see the file comment). A single radical
// a·√n + c, the common case, is decided at once: opposite signs compare a²n
// with c².
func (s radsum) sign() int {
	if sg, ok := s.signOne(); ok {
		return sg
	}
	return s.signOver(s.primes())
}

func (s radsum) signOne() (int, bool) {
	var a, n, c = new(big.Rat), big.NewInt(1), new(big.Rat)
	for _, t := range s {
		switch {
		case t.n.Cmp(big.NewInt(1)) == 0:
			c = t.c
		case a.Sign() == 0:
			a, n = t.c, t.n
		default:
			return 0, false
		}
	}
	sa, sc := a.Sign(), c.Sign()
	switch {
	case sa == 0:
		return sc, true
	case sc == 0, sa == sc:
		return sa, true
	}
	lhs := new(big.Rat).Mul(a, a)
	lhs.Mul(lhs, new(big.Rat).SetInt(n))
	return sa * lhs.Cmp(new(big.Rat).Mul(c, c)), true
}

func (s radsum) signOver(ps []*big.Int) int {
	for len(ps) > 0 {
		p := ps[len(ps)-1]
		ps = ps[:len(ps)-1]
		a, b := s.split(p)
		if len(b) == 0 {
			s = a
			continue
		}
		sa, sb := a.signOver(ps), b.signOver(ps)
		switch {
		case sa == 0:
			return sb
		case sb == 0, sa == sb:
			return sa
		}
		d := a.mul(a).add(b.mul(b).scale(new(big.Rat).SetInt(p)).scale(big.NewRat(-1, 1)))
		return sa * d.signOver(ps)
	}
	// Only the rational term (n = 1) can remain.
	if t, ok := s["1"]; ok {
		return t.c.Sign()
	}
	return 0
}

// split writes s = A + √p·B.
func (s radsum) split(p *big.Int) (a, b radsum) {
	a, b = radsum{}, radsum{}
	r := new(big.Int)
	for _, x := range s {
		q, m := new(big.Int).QuoRem(x.n, p, r)
		if m.Sign() == 0 {
			b.addTerm(x.c, q)
		} else {
			a.addTerm(x.c, x.n)
		}
	}
	return a, b
}

// sqrtRat returns c·√n equal to √r for a rational r ≥ 0: √(p/q) = √(pq)/q,
// and the square part s² of pq moves out, pq = s²·n with n square-free.
func sqrtRat(r *big.Rat) radsum {
	if r.Sign() < 0 {
		panic("bounds: square root of a negative number " + r.RatString())
	}
	out := radsum{}
	if r.Sign() == 0 {
		return out
	}
	pq := new(big.Int).Mul(r.Num(), r.Denom())
	s, n := squarePart(pq)
	out.addTerm(new(big.Rat).SetFrac(s, r.Denom()), n)
	return out
}

func ratSum(q *big.Rat) radsum {
	out := radsum{}
	out.addTerm(q, big.NewInt(1))
	return out
}

var squareCache sync.Map // uint64 n → [2]*big.Int{s, f}, for n < 2³²

// squarePart writes n ≥ 1 as s²·f with f square-free, by trial division.
// Radicands here come from grid parameters (K, 3N+2, …), so they are small;
// results for n < 2³² are cached.
func squarePart(n *big.Int) (s, f *big.Int) {
	small := n.IsUint64() && n.Uint64() < 1<<32
	if small {
		if v, ok := squareCache.Load(n.Uint64()); ok {
			p := v.([2]*big.Int)
			return new(big.Int).Set(p[0]), new(big.Int).Set(p[1])
		}
		defer func() { squareCache.Store(n.Uint64(), [2]*big.Int{new(big.Int).Set(s), new(big.Int).Set(f)}) }()
	}
	return squarePartSlow(n)
}

func squarePartSlow(n *big.Int) (s, f *big.Int) {
	s, f = big.NewInt(1), big.NewInt(1)
	rest := new(big.Int).Set(n)
	for _, p := range primeFactors(n) {
		e := 0
		for new(big.Int).Rem(rest, p).Sign() == 0 {
			rest.Quo(rest, p)
			e++
		}
		for i := 0; i < e/2; i++ {
			s.Mul(s, p)
		}
		if e%2 == 1 {
			f.Mul(f, p)
		}
	}
	return s, f
}

// primeFactors returns the distinct primes dividing n ≥ 1 (trial division).
func primeFactors(n *big.Int) []*big.Int {
	if n.IsUint64() {
		return primeFactors64(n.Uint64())
	}
	var out []*big.Int
	rest := new(big.Int).Set(n)
	r := new(big.Int)
	for p := big.NewInt(2); new(big.Int).Mul(p, p).Cmp(rest) <= 0; p.Add(p, big.NewInt(1)) {
		if new(big.Int).QuoRem(rest, p, r); r.Sign() == 0 {
			out = append(out, new(big.Int).Set(p))
			for new(big.Int).Rem(rest, p).Sign() == 0 {
				rest.Quo(rest, p)
			}
		}
	}
	if rest.Cmp(big.NewInt(1)) > 0 {
		out = append(out, rest)
	}
	return out
}

func primeFactors64(n uint64) []*big.Int {
	var out []*big.Int
	for p := uint64(2); p*p <= n; p++ {
		if n%p == 0 {
			out = append(out, new(big.Int).SetUint64(p))
			for n%p == 0 {
				n /= p
			}
		}
	}
	if n > 1 {
		out = append(out, new(big.Int).SetUint64(n))
	}
	return out
}
