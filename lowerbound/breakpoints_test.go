package lowerbound

import (
	"errors"
	"fmt"
	"math/big"
	"os"
	"testing"

	"github.com/ftcheck/ftcheck/oracle"
	"pgregory.net/rapid"
)

// lineGen draws small 1-D data: K points with distinct small rational t's
// (a random gap from {1/2, 1, 2, 3} between neighbours, shuffled order) and
// small integer values.
func lineGen(minK, maxK int) *rapid.Generator[[2][]*big.Rat] {
	return rapid.Custom(func(t *rapid.T) [2][]*big.Rat {
		K := rapid.IntRange(minK, maxK).Draw(t, "K")
		ts := make([]*big.Rat, K)
		vs := make([]*big.Rat, K)
		cur := big.NewRat(int64(rapid.IntRange(-3, 3).Draw(t, "t0")), 1)
		gaps := []*big.Rat{big.NewRat(1, 2), big.NewRat(1, 1), big.NewRat(2, 1), big.NewRat(3, 1)}
		for i := range ts {
			ts[i] = new(big.Rat).Set(cur)
			cur.Add(cur, gaps[rapid.IntRange(0, 3).Draw(t, fmt.Sprintf("gap[%d]", i))])
			vs[i] = big.NewRat(int64(rapid.IntRange(-3, 3).Draw(t, fmt.Sprintf("v[%d]", i))), 1)
		}
		perm := rapid.Permutation(ts).Draw(t, "order")
		// Permute v the same way: map each t to its v.
		pv := make([]*big.Rat, K)
		for i, x := range perm {
			for j := range ts {
				if ts[j] == x {
					pv[i] = vs[j]
				}
			}
		}
		return [2][]*big.Rat{perm, pv}
	})
}

// checkInterpolant verifies pl exactly: it passes through every point and has
// exactly r breakpoints.
func checkInterpolant(t, v []*big.Rat, pl *oracle.PiecewiseLinear, r int) error {
	for i := range t {
		if got := pl.Eval(t[i]); got.Cmp(v[i]) != 0 {
			return fmt.Errorf("interpolant(%s) = %s, want %s", t[i].RatString(), got.RatString(), v[i].RatString())
		}
	}
	if b := len(pl.Breakpoints()); b != r {
		return fmt.Errorf("interpolant has %d breakpoints, R = %d", b, r)
	}
	return nil
}

// TestMinBreakpointsProperty: for random small data, R equals the closed run
// formula, the interpolant verifies with exactly R breakpoints, and the
// independent candidate search finds R breakpoints feasible and R−1 not.
func TestMinBreakpointsProperty(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		d := lineGen(1, 6).Draw(rt, "data")
		r, err := MinBreakpoints(d[0], d[1])
		if err != nil {
			rt.Fatal(err)
		}
		ln, _ := SortLine(d[0], d[1])
		if f := runFormula(ln); f != r {
			rt.Fatalf("scan R = %d, run formula %d", r, f)
		}
		pl, _ := MinInterpolant(d[0], d[1])
		if err := checkInterpolant(d[0], d[1], pl, r); err != nil {
			rt.Fatal(err)
		}
		if !bruteFeasible(ln, r) {
			rt.Fatalf("candidate search finds no interpolant with R = %d breakpoints", r)
		}
		if r > 0 && bruteFeasible(ln, r-1) {
			rt.Fatalf("candidate search interpolates with R−1 = %d breakpoints", r-1)
		}
	})
}

// TestMinBreakpointsExhaustive: every dataset t = 1..K with v ∈ {−2..2}^K
// for K ≤ 4 and v ∈ {−1..1}^5 for K = 5 (v ∈ {−2..2}^5 with FTCHECK_LONG=1)
// agrees with the candidate search.
func TestMinBreakpointsExhaustive(t *testing.T) {
	n := 0
	for K := 1; K <= 5; K++ {
		a := 2
		if K == 5 && os.Getenv("FTCHECK_LONG") == "" {
			a = 1
		}
		eachGrid(K, a, func(ts, vs []*big.Rat) {
			n++
			ln, _ := SortLine(ts, vs)
			if r, b := ln.MinBreakpoints(), bruteMin(ln); r != b {
				t.Fatalf("v = %v: scan R = %d, candidate search %d", ratStrings(vs), r, b)
			}
		})
	}
	t.Logf("%d datasets", n)
}

// eachGrid calls f on t = 1..K with every v ∈ {−a..a}^K.
func eachGrid(K, a int, f func(ts, vs []*big.Rat)) {
	ts := make([]*big.Rat, K)
	for i := range ts {
		ts[i] = big.NewRat(int64(i+1), 1)
	}
	code := make([]int, K)
	for {
		vs := make([]*big.Rat, K)
		for i, c := range code {
			vs[i] = big.NewRat(int64(c-a), 1)
		}
		f(ts, vs)
		i := 0
		for ; i < K; i++ {
			code[i]++
			if code[i] <= 2*a {
				break
			}
			code[i] = 0
		}
		if i == K {
			return
		}
	}
}

func ratStrings(v []*big.Rat) []string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = x.RatString()
	}
	return s
}

// TestPlantedDataPointsOnly: an algorithm that puts breakpoints only at data
// points is caught by the candidate search on the first grid instance where
// two same-sign turns are adjacent (K = 4).
func TestPlantedDataPointsOnly(t *testing.T) {
	caught := ""
	for K := 3; K <= 4 && caught == ""; K++ {
		eachGrid(K, 2, func(ts, vs []*big.Rat) {
			ln, _ := SortLine(ts, vs)
			if caught == "" && dataPointsOnly(ln) != bruteMin(ln) {
				caught = fmt.Sprint(ratStrings(vs))
			}
		})
	}
	if caught == "" {
		t.Fatal("the data-points-only bug was not caught")
	}
	t.Logf("caught on v = %s", caught)
}

// TestMinBreakpointsErrors: bad data gives typed errors naming the rows.
func TestMinBreakpointsErrors(t *testing.T) {
	_, err := MinBreakpoints(oracle.Rats(1, 5, 3, 5), oracle.Rats(0, 1, 2, 3))
	var dup *oracle.DuplicatePointError
	if !errors.As(err, &dup) || dup.I != 2 || dup.J != 4 {
		t.Fatalf("duplicate: got %v", err)
	}
	_, err = MinBreakpoints(oracle.Rats(1, 2), oracle.Rats(1))
	var de *DataError
	if !errors.As(err, &de) {
		t.Fatalf("length mismatch: got %v", err)
	}
	_, err = MinBreakpoints([]*big.Rat{big.NewRat(1, 1), nil}, oracle.Rats(1, 2))
	if !errors.As(err, &de) || de.Row != 2 {
		t.Fatalf("nil entry: got %v", err)
	}
	if _, err := MinInterpolant(nil, nil); err == nil {
		t.Fatal("MinInterpolant of no points: no error")
	}
}

// ExampleMinInterpolant: the paper's Fig. 3 instance (K = 9, N = 4) needs
// only 5 breakpoints, not K − 2 = 7: the convex turns at t = 2 and t = 3 share
// one breakpoint at 7/3.
func ExampleMinInterpolant() {
	t := oracle.Rats(1, 2, 3, 4, 5, 6, 7, 8, 9)
	z := oracle.Rats(0, -1, 0, 2, 0, -1, 0, 2, 0)
	r, _ := MinBreakpoints(t, z)
	pl, _ := MinInterpolant(t, z)
	fmt.Println("R =", r)
	for _, b := range pl.Breakpoints() {
		fmt.Print(b.RatString(), " ")
	}
	fmt.Println()
	// Output:
	// R = 5
	// 7/3 4 17/3 7 8
}

// BenchmarkMinBreakpoints: R for K = 10⁵ points (zigzag-like integer data),
// beside the plain Eval of a 2-layer network with R neurons at the same
// points as a baseline.
func BenchmarkMinBreakpoints(b *testing.B) {
	const K = 100000
	ts, vs := benchData(K)
	b.Run("K=1e5", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := MinBreakpoints(ts, vs); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("interpolant-K=1e5", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := MinInterpolant(ts, vs); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func benchData(K int) ([]*big.Rat, []*big.Rat) {
	ts := make([]*big.Rat, K)
	vs := make([]*big.Rat, K)
	x := uint64(88172645463325252)
	for i := range ts {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		ts[i] = big.NewRat(int64(i), 3)
		vs[i] = big.NewRat(int64(x%7)-3, int64(x%5)+1)
	}
	return ts, vs
}
