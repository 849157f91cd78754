package lowerbound

// slide_test.go: the small solvers behind the certificate (subsetSum,
// splitSum, meetLines, meetLevel) against exhaustive models.

import (
	"math/big"
	"testing"
)

// TestSplitSumModel: λ = a + dl·x, ρ = b + dr·y with x, y > 0 and λ + ρ = C
// exists iff dl, dr ≠ 0 and either the rays point opposite ways (dl = −dr:
// every sum is reachable) or dl = dr and dl·(C − a − b) > 0. When found, the
// answer is checked exactly.
func TestSplitSumModel(t *testing.T) {
	vals := []int64{-3, -1, 0, 2, 5}
	for _, C := range vals {
		for _, a := range vals {
			for _, b := range vals {
				for dl := -1; dl <= 1; dl++ {
					for dr := -1; dr <= 1; dr++ {
						Cr, ar, br := big.NewRat(C, 2), big.NewRat(a, 1), big.NewRat(b, 3)
						lam, rho := splitSum(Cr, ar, br, dl, dr)
						D := new(big.Rat).Sub(Cr, ar)
						D.Sub(D, br)
						possible := dl != 0 && dr != 0 && (dl == -dr || D.Sign()*dl > 0)
						if (lam != nil) != possible || (rho != nil) != possible {
							t.Fatalf("C=%v a=%v b=%v dl=%d dr=%d: got (%v, %v), possible %v", Cr, ar, br, dl, dr, lam, rho, possible)
						}
						if lam == nil {
							continue
						}
						x := new(big.Rat).Sub(lam, ar)
						x.Mul(x, big.NewRat(int64(dl), 1))
						y := new(big.Rat).Sub(rho, br)
						y.Mul(y, big.NewRat(int64(dr), 1))
						if x.Sign() <= 0 || y.Sign() <= 0 || new(big.Rat).Add(lam, rho).Cmp(Cr) != 0 {
							t.Fatalf("C=%v a=%v b=%v dl=%d dr=%d: λ=%v ρ=%v (x=%v, y=%v)", Cr, ar, br, dl, dr, lam, rho, x, y)
						}
					}
				}
			}
		}
	}
}

// TestMeetLinesAndLevel: the meeting point lies on both lines; the level
// point lies on the line and at the level; a flat line never meets another
// level (nil).
func TestMeetLinesAndLevel(t *testing.T) {
	vals := []int64{-2, -1, 1, 3}
	on := func(x0, y0, p, c *big.Rat) *big.Rat { // y0 + p(c − x0)
		v := new(big.Rat).Sub(c, x0)
		v.Mul(v, p)
		return v.Add(v, y0)
	}
	for _, x0 := range vals {
		for _, y0 := range vals {
			for _, p := range vals {
				for _, q := range []int64{-3, 0, 2} {
					X0, Y0, P, Q := big.NewRat(x0, 1), big.NewRat(y0, 2), big.NewRat(p, 1), big.NewRat(q, 1)
					X1, Y1 := big.NewRat(x0+1, 1), big.NewRat(y0*y0, 3)
					if p != q {
						c := meetLines(X0, Y0, P, X1, Y1, Q)
						if on(X0, Y0, P, c).Cmp(on(X1, Y1, Q, c)) != 0 {
							t.Fatalf("meetLines: %v is not on both lines", c)
						}
					}
					c := meetLevel(X0, Y0, Q, Y1)
					if q == 0 {
						if c != nil {
							t.Fatalf("meetLevel with slope 0 = %v", c)
						}
						continue
					}
					if on(X0, Y0, Q, c).Cmp(Y1) != 0 {
						t.Fatalf("meetLevel: line at %v is not %v", c, Y1)
					}
				}
			}
		}
	}
}

// TestSubsetSumModel: for every target in a range and small jump lists,
// subsetSum finds a subset iff one exists (all 2^n subsets tried), and the
// subset it returns sums to the target.
func TestSubsetSumModel(t *testing.T) {
	lists := [][]int64{{}, {3}, {1, -2}, {2, 2, 5}, {-1, 4, -3, 6}, {1, 2, 4, 8, -16}, {3, 3, 3}}
	for _, l := range lists {
		jumps := make([]*big.Rat, len(l))
		for i, x := range l {
			jumps[i] = big.NewRat(x, 2)
		}
		for target := int64(-20); target <= 20; target++ {
			reach := false
			for mask := 0; mask < 1<<len(l); mask++ {
				s := int64(0)
				for i := range l {
					if mask>>i&1 == 1 {
						s += l[i]
					}
				}
				reach = reach || s == target
			}
			A := subsetSum(jumps, big.NewRat(target, 2))
			if (A != nil) != reach {
				t.Fatalf("jumps %v, target %d: found %v, exists %v", l, target, A != nil, reach)
			}
			if A == nil {
				continue
			}
			s := int64(0)
			for i, in := range A {
				if in {
					s += l[i]
				}
			}
			if len(A) != len(l) || s != target {
				t.Fatalf("jumps %v, target %d: subset %v sums to %d", l, target, A, s)
			}
		}
	}
}

// TestSubsetSumLimits: up to 40 jumps and 2¹⁶ distinct sums are searched;
// beyond either limit subsetSum gives up (nil), even for a reachable target.
func TestSubsetSumLimits(t *testing.T) {
	ones := func(n int) []*big.Rat {
		out := make([]*big.Rat, n)
		for i := range out {
			out[i] = big.NewRat(1, 1)
		}
		return out
	}
	if A := subsetSum(ones(40), big.NewRat(40, 1)); A == nil {
		t.Error("40 jumps: gave up")
	}
	if A := subsetSum(ones(41), big.NewRat(3, 1)); A != nil {
		t.Error("41 jumps: did not give up")
	}
	pow := func(n int) []*big.Rat {
		out := make([]*big.Rat, n)
		for i := range out {
			out[i] = new(big.Rat).SetInt(new(big.Int).Lsh(big.NewInt(1), uint(i)))
		}
		return out
	}
	// 16 powers of two reach exactly 2¹⁶ distinct sums: still searched.
	if A := subsetSum(pow(16), big.NewRat(40000, 1)); A == nil {
		t.Error("2¹⁶ sums: gave up")
	}
	// One more jump of 1 adds the single new sum 2¹⁶: one too many.
	if A := subsetSum(append(pow(16), big.NewRat(1, 1)), big.NewRat(5, 1)); A != nil {
		t.Error("2¹⁶ + 1 sums: did not give up")
	}
}

// TestSubsetSumBitLimit: subsetSum also gives up once the sums it holds
// exceed subsetSumBits bits. One jump d = 2^(subsetSumBits−2) adds the sum
// d, of (subsetSumBits − 1) + 1 bits (numerator and denominator): exactly
// the limit, still searched; twice d is one bit over.
func TestSubsetSumBitLimit(t *testing.T) {
	d := new(big.Rat).SetInt(new(big.Int).Lsh(big.NewInt(1), subsetSumBits-2))
	if A := subsetSum([]*big.Rat{d}, d); A == nil || !A[0] {
		t.Error("a sum of exactly subsetSumBits bits: gave up")
	}
	d2 := new(big.Rat).Add(d, d)
	if A := subsetSum([]*big.Rat{d2}, d2); A != nil {
		t.Error("a sum of subsetSumBits + 1 bits: did not give up")
	}
}
