package bounds

// surd.go implements Surd, the exact value a·√r + c with rational a, r ≥ 0,
// c, which is the shape of every bound of the paper that has a square root.

import (
	"fmt"
	"math/big"
	"strings"
)

// Surd is a·√r + c with a, c rational and r a square-free positive integer
// (or a = 0, r = 0 for a rational value). The zero Surd is 0. Surds are
// immutable: methods return new values.
type Surd struct {
	a, c *big.Rat
	r    *big.Int
}

// NewSurd returns a·√r + c for rationals a, r ≥ 0, c, normalised so that r is
// square-free (√12 = 2√3) and perfect squares fold into c (√9 = 3).
// It panics if r < 0.
func NewSurd(a, r, c *big.Rat) Surd {
	s := Surd{a: new(big.Rat), c: new(big.Rat).Set(c), r: new(big.Int)}
	for _, t := range sqrtRat(r) {
		coef := new(big.Rat).Mul(a, t.c)
		if t.n.Cmp(big.NewInt(1)) == 0 {
			s.c.Add(s.c, coef)
			continue
		}
		if coef.Sign() != 0 {
			s.a, s.r = coef, new(big.Int).Set(t.n)
		}
	}
	return s
}

// Sqrt returns √r for a rational r ≥ 0.
func Sqrt(r *big.Rat) Surd { return NewSurd(big.NewRat(1, 1), r, new(big.Rat)) }

// SqrtInt returns √n for an integer n ≥ 0.
func SqrtInt(n int) Surd { return Sqrt(big.NewRat(int64(n), 1)) }

// FromRat returns the rational q as a Surd.
func FromRat(q *big.Rat) Surd { return NewSurd(new(big.Rat), new(big.Rat), q) }

// FromInt returns the integer n as a Surd.
func FromInt(n int) Surd { return FromRat(big.NewRat(int64(n), 1)) }

func (s Surd) norm() Surd {
	if s.a == nil {
		return Surd{a: new(big.Rat), c: new(big.Rat), r: new(big.Int)}
	}
	return s
}

// Coef, Radicand and Const return a, r and c of s = a·√r + c (copies).
func (s Surd) Coef() *big.Rat     { return new(big.Rat).Set(s.norm().a) }
func (s Surd) Radicand() *big.Int { return new(big.Int).Set(s.norm().r) }
func (s Surd) Const() *big.Rat    { return new(big.Rat).Set(s.norm().c) }

// IsRat reports whether s is rational, and returns its value if so.
func (s Surd) IsRat() (*big.Rat, bool) {
	s = s.norm()
	if s.a.Sign() == 0 {
		return new(big.Rat).Set(s.c), true
	}
	return nil, false
}

func (s Surd) sum() radsum {
	s = s.norm()
	out := ratSum(s.c)
	if s.a.Sign() != 0 {
		out.addTerm(s.a, s.r)
	}
	return out
}

// Add returns s + t. Both must have the same radical (or one be rational):
// the sum of two different radicals is not a Surd, and asking for it is a
// programmer error (panic).
func (s Surd) Add(t Surd) Surd {
	s, t = s.norm(), t.norm()
	if s.a.Sign() != 0 && t.a.Sign() != 0 && s.r.Cmp(t.r) != 0 {
		panic(fmt.Sprintf("bounds: Add: %v + %v has two different radicals", s, t))
	}
	r := s.r
	if s.a.Sign() == 0 {
		r = t.r
	}
	return NewSurd(new(big.Rat).Add(s.a, t.a), new(big.Rat).SetInt(r), new(big.Rat).Add(s.c, t.c))
}

// AddRat returns s + q; AddInt returns s + n.
func (s Surd) AddRat(q *big.Rat) Surd { return s.Add(FromRat(q)) }
func (s Surd) AddInt(n int) Surd      { return s.AddRat(big.NewRat(int64(n), 1)) }

// Mul returns q·s; MulInt returns n·s.
func (s Surd) Mul(q *big.Rat) Surd {
	s = s.norm()
	return NewSurd(new(big.Rat).Mul(q, s.a), new(big.Rat).SetInt(s.r), new(big.Rat).Mul(q, s.c))
}
func (s Surd) MulInt(n int) Surd { return s.Mul(big.NewRat(int64(n), 1)) }

// Neg returns −s.
func (s Surd) Neg() Surd { return s.MulInt(-1) }

// Sign returns the exact sign of s.
func (s Surd) Sign() int {
	s = s.norm()
	return sign1(s.a, s.r, s.c)
}

// sign1 is the sign of a·√r + c: if a and c disagree in sign, the larger of
// a²r and c² wins.
func sign1(a *big.Rat, r *big.Int, c *big.Rat) int {
	sa, sc := a.Sign(), c.Sign()
	switch {
	case sa == 0:
		return sc
	case sc == 0, sa == sc:
		return sa
	}
	lhs := new(big.Rat).Mul(a, a)
	lhs.Mul(lhs, new(big.Rat).SetInt(r))
	return sa * lhs.Cmp(new(big.Rat).Mul(c, c))
}

// Cmp compares s and t exactly (−1, 0, +1). Any two Surds are comparable:
// s − t has at most two radicals, whose sign is decided by squaring
// (radsum.go); with one radical it is sign1.
func (s Surd) Cmp(t Surd) int {
	s, t = s.norm(), t.norm()
	c := new(big.Rat).Sub(s.c, t.c)
	switch {
	case t.a.Sign() == 0:
		return sign1(s.a, s.r, c)
	case s.a.Sign() == 0:
		return sign1(new(big.Rat).Neg(t.a), t.r, c)
	case s.r.Cmp(t.r) == 0:
		return sign1(new(big.Rat).Sub(s.a, t.a), s.r, c)
	}
	return s.sum().add(t.sum().scale(big.NewRat(-1, 1))).sign()
}

// CmpRat compares s with a rational; CmpInt with an integer.
func (s Surd) CmpRat(q *big.Rat) int { return s.Cmp(FromRat(q)) }
func (s Surd) CmpInt(n int) int      { return s.CmpRat(big.NewRat(int64(n), 1)) }

// LeqInt reports m ≤ s; LtInt reports m < s.
func LeqInt(m int, s Surd) bool { return s.CmpInt(m) >= 0 }
func LtInt(m int, s Surd) bool  { return s.CmpInt(m) > 0 }

// Min and Max return the smaller and the larger of s and t.
func Min(s, t Surd) Surd {
	if s.Cmp(t) <= 0 {
		return s
	}
	return t
}
func Max(s, t Surd) Surd {
	if s.Cmp(t) >= 0 {
		return s
	}
	return t
}

// CmpRatio compares u1/l1 with u2/l2 exactly, for l1, l2 > 0: it is the sign
// of u1·l2 − u2·l1, a sum of up to eight radicals (see radsum.go). It panics
// if a denominator is not positive.
func CmpRatio(u1, l1, u2, l2 Surd) int {
	if l1.Sign() <= 0 || l2.Sign() <= 0 {
		panic(fmt.Sprintf("bounds: CmpRatio: denominators %v, %v must be positive", l1, l2))
	}
	left := u1.sum().mul(l2.sum())
	right := u2.sum().mul(l1.sum())
	return left.add(right.scale(big.NewRat(-1, 1))).sign()
}

// Floor returns ⌊s⌋: an estimate from the exact integer square root
// ⌊|a|·√r⌋ = ⌊√⌊a²r⌋⌋ (math/big Int.Sqrt), then corrected by exact
// comparisons until n ≤ s < n+1.
func (s Surd) Floor() *big.Int {
	s = s.norm()
	n := floorRat(s.c)
	if s.a.Sign() != 0 {
		v := new(big.Rat).Mul(s.a, s.a)
		v.Mul(v, new(big.Rat).SetInt(s.r))
		root := new(big.Int).Sqrt(floorRat(v))
		if s.a.Sign() < 0 {
			root.Neg(root)
		}
		n.Add(n, root)
	}
	one := big.NewInt(1)
	for s.CmpRat(new(big.Rat).SetInt(n)) < 0 {
		n.Sub(n, one)
	}
	for s.CmpRat(new(big.Rat).SetInt(new(big.Int).Add(n, one))) >= 0 {
		n.Add(n, one)
	}
	return n
}

// Ceil returns ⌈s⌉ = −⌊−s⌋.
func (s Surd) Ceil() *big.Int { return new(big.Int).Neg(s.Neg().Floor()) }

// floorRat returns ⌊q⌋ (big.Int.Div is Euclidean, so it floors for a positive
// denominator).
func floorRat(q *big.Rat) *big.Int {
	return new(big.Int).Div(q.Num(), q.Denom())
}

// FloorRat returns ⌊q⌋ for a rational q.
func FloorRat(q *big.Rat) *big.Int { return floorRat(q) }

// String writes s as the paper would: "2√30 + 3", "√5", "-3/2√7 - 1/2", "4".
func (s Surd) String() string {
	s = s.norm()
	if s.a.Sign() == 0 {
		return s.c.RatString()
	}
	var b strings.Builder
	switch {
	case s.a.Cmp(big.NewRat(1, 1)) == 0:
	case s.a.Cmp(big.NewRat(-1, 1)) == 0:
		b.WriteString("-")
	default:
		b.WriteString(s.a.RatString())
	}
	b.WriteString("√" + s.r.String())
	switch s.c.Sign() {
	case 1:
		b.WriteString(" + " + s.c.RatString())
	case -1:
		b.WriteString(" - " + new(big.Rat).Neg(s.c).RatString())
	}
	return b.String()
}

// Enclose returns rationals lo ≤ s ≤ hi with hi − lo ≤ 2⁻ᵇⁱᵗˢ, from the
// exact integer square root ⌊√(a²r·4ᵇⁱᵗˢ)⌋ (math/big Int.Sqrt). It is for
// printing and for cheap exact pruning before an exact comparison.
func (s Surd) Enclose(bits uint) (lo, hi *big.Rat) {
	s = s.norm()
	if s.a.Sign() == 0 {
		return new(big.Rat).Set(s.c), new(big.Rat).Set(s.c)
	}
	v := new(big.Rat).Mul(s.a, s.a)
	v.Mul(v, new(big.Rat).SetInt(s.r))
	v.Mul(v, new(big.Rat).SetInt(new(big.Int).Lsh(big.NewInt(1), 2*bits)))
	root := new(big.Int).Sqrt(floorRat(v))
	den := new(big.Int).Lsh(big.NewInt(1), bits)
	l := new(big.Rat).SetFrac(root, den)
	h := new(big.Rat).SetFrac(new(big.Int).Add(root, big.NewInt(1)), den)
	if s.a.Sign() < 0 {
		l, h = h.Neg(h), l.Neg(l)
	}
	return l.Add(l, s.c), h.Add(h, s.c)
}
