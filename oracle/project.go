package oracle

// Projector: aᵀx exactly, for many rows x, with one normalization per row.
//
// big.Rat arithmetic reduces every product and every partial sum by a gcd:
// 2d gcds for one dot product. Write a = A/α with integer A (α the lcm of
// a's denominators) and keep the partial sum as an unreduced fraction P/D:
// adding A_k·n_k/d_k gives P·(L/D) + A_k·n_k·(L/d_k) over L = lcm(D, d_k),
// computed in uint64 while the denominators fit (decimal data: divisors of
// 10^p), so the sum stays over the least common denominator of the terms
// seen and only the final P/(D·α) is reduced. When a denominator does not
// fit in 64 bits the term is added as a big.Rat would (P·d_k + A_k·n_k·D over
// D·d_k), still without a gcd. The value is exact either way; tests compare
// it with the term-by-term big.Rat sum.

import (
	"math/big"
	"math/bits"
)

// Projector computes aᵀx for a fixed a. It is not safe for concurrent use:
// give each goroutine its own (Clone).
type Projector struct {
	A     []*big.Int // a = A/alpha, A integer
	alpha *big.Int
	p, d  big.Int // partial sum P/D
	t, u  big.Int
}

// NewProjector prepares a.
func NewProjector(a []*big.Rat) *Projector {
	alpha := big.NewInt(1)
	var g big.Int
	for _, c := range a {
		den := c.Denom()
		g.GCD(nil, nil, alpha, den)
		alpha.Mul(alpha, new(big.Int).Quo(den, &g))
	}
	p := &Projector{A: make([]*big.Int, len(a)), alpha: alpha}
	for k, c := range a {
		v := new(big.Int).Mul(c.Num(), alpha)
		p.A[k] = v.Quo(v, c.Denom())
	}
	return p
}

// Clone returns a Projector for the same a with its own scratch space.
func (p *Projector) Clone() *Projector {
	return &Projector{A: p.A, alpha: p.alpha}
}

// Project sets v = aᵀx and returns v. x must have len(a) entries.
func (p *Projector) Project(x []*big.Rat, v *big.Rat) *big.Rat {
	p.p.SetInt64(0)
	p.d.SetInt64(1)
	for k, A := range p.A {
		if A.Sign() == 0 || x[k].Sign() == 0 {
			continue
		}
		n, dk := x[k].Num(), x[k].Denom()
		p.t.Mul(A, n) // A_k·n_k
		if p.d.Cmp(dk) == 0 {
			p.p.Add(&p.p, &p.t)
			continue
		}
		if p.d.IsUint64() && dk.IsUint64() {
			D, d := p.d.Uint64(), dk.Uint64()
			g := gcd64(D, d)
			hi, L := bits.Mul64(D/g, d)
			if hi == 0 {
				// P·(L/D) + t·(L/d) over L.
				p.p.Mul(&p.p, p.u.SetUint64(L/D))
				p.t.Mul(&p.t, p.u.SetUint64(L/d))
				p.p.Add(&p.p, &p.t)
				p.d.SetUint64(L)
				continue
			}
		}
		p.p.Mul(&p.p, dk)
		p.t.Mul(&p.t, &p.d)
		p.p.Add(&p.p, &p.t)
		p.d.Mul(&p.d, dk)
	}
	p.d.Mul(&p.d, p.alpha)
	return v.SetFrac(&p.p, &p.d)
}

// gcd64 is the binary gcd of a, b > 0.
func gcd64(a, b uint64) uint64 {
	shift := bits.TrailingZeros64(a | b)
	a >>= bits.TrailingZeros64(a)
	for b != 0 {
		b >>= bits.TrailingZeros64(b)
		if a > b {
			a, b = b, a
		}
		b -= a
	}
	return a << shift
}
