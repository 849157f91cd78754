package lowerbound

import (
	"math/big"
	"os"
	"testing"

	"github.com/ftcheck/ftcheck/oracle"
	"pgregory.net/rapid"
)

// TestExactAgreesWithK3: at K = 3 the exact case analysis proves R+1 exactly
// for the strict extrema (a single unit is monotone), on the whole grid.
func TestExactAgreesWithK3(t *testing.T) {
	eachGrid(3, 2, func(ts, vs []*big.Rat) {
		ln, _ := SortLine(ts, vs)
		R := ln.MinBreakpoints()
		if R != 1 {
			return
		}
		monotone := new(big.Rat).Sub(vs[1], vs[0]).Sign()*new(big.Rat).Sub(vs[2], vs[1]).Sign() >= 0
		if (searchRUnits(ln, R) != nil) != monotone {
			t.Fatalf("v = %v: exact search says R units suffice = %v, monotone = %v", ratStrings(vs), !monotone, monotone)
		}
	})
}

// TestExactConsistent: on random small data the exact decision lies in the
// certificate's interval, its net verifies with m* units (TwoLayerExact1D
// checks with the oracle), and whenever the fast certificate already found
// R units the exact search finds them too.
func TestExactConsistent(t *testing.T) {
	maxK := 4
	if os.Getenv("FTCHECK_LONG") != "" {
		maxK = 5
	}
	rapid.Check(t, func(rt *rapid.T) {
		d := lineGen(3, maxK).Draw(rt, "data")
		fast, err := TwoLayerMin1D(d[0], d[1])
		if err != nil {
			rt.Fatal(err)
		}
		ex, err := TwoLayerExact1D(d[0], d[1], 4)
		if err != nil {
			rt.Fatal(err)
		}
		if ex.Lo != ex.Hi || ex.Lo < fast.Lo || ex.Hi > fast.Hi {
			rt.Fatalf("exact [%d, %d] outside fast [%d, %d]", ex.Lo, ex.Hi, fast.Lo, fast.Hi)
		}
		ln, _ := SortLine(d[0], d[1])
		if fast.Hi == fast.Breaks && fast.Breaks > 0 && searchRUnits(ln, fast.Breaks) == nil {
			rt.Fatalf("fast certificate has R units, exact search finds none")
		}
	})
}

// TestExactZigzag04: (0, 1, 0, 1) needs 3 = K−1 units. By hand: two units
// give piece slopes (x, y, 0), (0, x, y), (−w, 0, w') or (−w, w'−w, w') up to
// order, and none has the signs +, −, + that the chords 1, −1, 1 force in
// order. (0, 1, 0, 1, 0) needs only R = 3: a unit net found and verified.
func TestExactZigzag04(t *testing.T) {
	iv, err := TwoLayerExact1D(oracle.Rats(1, 2, 3, 4), oracle.Rats(0, 1, 0, 1), 4)
	if err != nil {
		t.Fatal(err)
	}
	if iv.Lo != 3 || iv.Hi != 3 {
		t.Fatalf("(0,1,0,1): m* in [%d, %d], want 3", iv.Lo, iv.Hi)
	}
	iv, err = TwoLayerExact1D(oracle.Rats(1, 2, 3, 4, 5), oracle.Rats(0, 1, 0, 1, 0), 4)
	if err != nil {
		t.Fatal(err)
	}
	if iv.Hi != 3 || iv.Net.Hidden() != 3 {
		t.Fatalf("(0,1,0,1,0): m* in [%d, %d], want 3", iv.Lo, iv.Hi)
	}
}

// TestExactGridLong (FTCHECK_LONG=1): exact 2-layer m* of every instance
// t = 1..K, z ∈ {−1..a}^K for K = 5 (a = 2) and K = 6 (a = 1); logs how many
// need K−1 neurons, by N. (Observed: none, while K = 3, 4 have some.)
func TestExactGridLong(t *testing.T) {
	if os.Getenv("FTCHECK_LONG") == "" {
		t.Skip("set FTCHECK_LONG=1")
	}
	for _, c := range []struct{ K, vals int }{{5, 4}, {6, 3}} {
		need := map[int]int{}
		total := 0
		code := make([]int, c.K)
		for {
			z := make([]*big.Rat, c.K)
			x := make([]*big.Rat, c.K)
			N := 0
			for i := range z {
				z[i], x[i] = big.NewRat(int64(code[i]-1), 1), big.NewRat(int64(i+1), 1)
				if code[i] != 1 {
					N++
				}
			}
			iv, err := TwoLayerExact1D(x, z, c.K)
			if err != nil {
				t.Fatal(err)
			}
			total++
			if iv.Lo == c.K-1 {
				need[N]++
			}
			i := 0
			for ; i < c.K; i++ {
				if code[i]++; code[i] < c.vals {
					break
				}
				code[i] = 0
			}
			if i == c.K {
				break
			}
		}
		t.Logf("K=%d: %d instances, needing K−1 by N: %v", c.K, total, need)
	}
}
