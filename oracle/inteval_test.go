package oracle

import (
	"math/big"
	"math/rand/v2"
	"testing"
)

// hugeRat is a random rational with numerator and denominator of up to
// ~200 bits, zero a fifth of the time.
func hugeRat(r *rand.Rand) *big.Rat {
	if r.IntN(5) == 0 {
		return new(big.Rat)
	}
	num, den := randInt(r), randInt(r)
	den.Add(den, big.NewInt(1))
	if r.IntN(2) == 0 {
		num.Neg(num)
	}
	return new(big.Rat).SetFrac(num, den)
}

// TestIntNetMatchesEval: the integer common-denominator path equals the
// big.Rat reference Eval exactly, for networks of depth 1 to 4 with small or
// huge rational weights, at small and huge rational inputs. (The props
// package checks the same through NewEvaluator with rapid.)
func TestIntNetMatchesEval(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for trial := 0; trial < 300; trial++ {
		d := 1 + r.IntN(4)
		var widths []int
		for l := 0; l < r.IntN(4); l++ {
			widths = append(widths, 1+r.IntN(5))
		}
		n := benchNet(d, widths, uint64(trial))
		if trial%2 == 1 {
			for _, l := range n.Layers {
				for k, row := range l.W {
					for j := range row {
						row[j] = hugeRat(r)
					}
					l.B[k] = hugeRat(r)
				}
			}
		}
		in := newIntNet(n)
		for k := 0; k < 5; k++ {
			x := benchVec(r, d)
			if k%2 == 1 {
				for j := range x {
					x[j] = hugeRat(r)
				}
			}
			if got, want := in.eval(x), n.Eval(x); got.Cmp(want) != 0 {
				t.Fatalf("trial %d widths %v: integer path %s, Eval %s", trial, widths, got, want)
			}
		}
	}
}

// randInt is a random nonnegative integer of up to 4 words (256 bits).
func randInt(r *rand.Rand) *big.Int {
	v := new(big.Int)
	for k := r.IntN(4); k >= 0; k-- {
		v.Lsh(v, 64)
		v.Or(v, new(big.Int).SetUint64(r.Uint64()>>r.IntN(64)))
	}
	return v
}
