package construction_test

import (
	"math/big"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/oracle"
)

// lineRats reads "p/q" strings as rationals (test shorthand).
func lineRats(t *testing.T, s ...string) []*big.Rat {
	t.Helper()
	out := make([]*big.Rat, len(s))
	for i, v := range s {
		r, ok := new(big.Rat).SetString(v)
		if !ok {
			t.Fatalf("bad rational %q", v)
		}
		out[i] = r
	}
	return out
}

// expectLine evaluates the 1-D network g at each point with the oracle's
// reference evaluation and compares with the wanted values.
func expectLine(t *testing.T, g *oracle.Network, at, want []*big.Rat) {
	t.Helper()
	for i := range at {
		if got := g.Eval([]*big.Rat{at[i]}); got.Cmp(want[i]) != 0 {
			t.Errorf("g(%s) = %s, want %s", at[i].RatString(), got.RatString(), want[i].RatString())
		}
	}
}

// TestFlatEndByHand: small lines whose networks were worked out by hand from
// the file comment of flatend.go. Each hits its samples exactly, has the
// predicted number of neurons (n − 2 with a flat piece, n − 1 without, n =
// |J|), and off the samples continues the interpolant of J linearly (flat
// piece present) or is constant left of the first kept point (no flat piece,
// Lemma 4.5).
func TestFlatEndByHand(t *testing.T) {
	for _, c := range []struct {
		name          string
		t, v          []string
		neurons       int
		offAt, offVal []string
	}{
		// J = all 6, slopes 1, −1, 0, 2, −2: flat piece on [2, 3], 4 units;
		// outer slopes 1 and −2 continue the first and last pieces.
		{"flat in the middle", []string{"0", "1", "2", "3", "4", "5"}, []string{"0", "1", "0", "0", "2", "0"}, 4,
			[]string{"-1", "1/2", "5/2", "6"}, []string{"-1", "1/2", "0", "-2"}},
		// No zero block: slopes 1, −2, no flat piece, Lemma 4.5's 2 units,
		// g(t) = 1 + σ(t) − 3σ(t − 1): constant 1 on the left, slope −2 right.
		{"no flat piece", []string{"0", "1", "2"}, []string{"1", "2", "0"}, 2,
			[]string{"-1", "3"}, []string{"1", "-2"}},
		// The block of four zeros keeps its ends 0 and 3: J = {0, 3, 4, 5, 6},
		// slopes 0, 3, −3, 0, jumps 3, −6, 3: three units.
		{"zero block dropped", []string{"0", "1", "2", "3", "4", "5", "6"}, []string{"0", "0", "0", "0", "3", "0", "0"}, 3,
			[]string{"-5", "7/2", "10"}, []string{"0", "3/2", "0"}},
		// All zero: J = the two ends, one flat piece, no unit.
		{"all zero", []string{"1/3", "2", "7"}, []string{"0", "0", "0"}, 0,
			[]string{"-4", "5"}, []string{"0", "0"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			ts, v := lineRats(t, c.t...), lineRats(t, c.v...)
			g := construction.FlatEnd(ts, v)
			expectLine(t, g, ts, v)
			if g.Hidden() != c.neurons {
				t.Errorf("%d neurons, want %d", g.Hidden(), c.neurons)
			}
			expectLine(t, g, lineRats(t, c.offAt...), lineRats(t, c.offVal...))
		})
	}
}

// TestFlatEndPlantedDropUnit: dropping one unit of a flat-end network makes
// the exact check above fail (it could have failed).
func TestFlatEndPlantedDropUnit(t *testing.T) {
	ts, v := oracle.Rats(0, 1, 2, 3, 4, 5), oracle.Rats(0, 1, 0, 0, 2, 0)
	g := construction.FlatEnd(ts, v)
	g.Layers[1].W[0][0] = new(big.Rat)
	X := make([][]*big.Rat, len(ts))
	for i := range X {
		X[i] = []*big.Rat{ts[i]}
	}
	if _, err := oracle.Verify(g, nil, X, v); err == nil {
		t.Fatal("a network with a unit removed still verified")
	}
}

// TestFlatEndPanicsOnUnsorted: positions that do not increase are a
// programming error, reported with the package prefix.
func TestFlatEndPanicsOnUnsorted(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.HasPrefix(r.(string), "construction: FlatEnd") {
			t.Fatalf("recovered %v", r)
		}
	}()
	construction.FlatEnd(oracle.Rats(0, 2, 1), oracle.Rats(0, 1, 0))
}

// TestFlatEndFreshWeights: no two weights of the network alias each other or
// the caller's values.
func TestFlatEndFreshWeights(t *testing.T) {
	ts, v := oracle.Rats(0, 1, 2, 3), oracle.Rats(5, 0, 0, 5)
	g := construction.FlatEnd(ts, v)
	seen := map[*big.Rat]bool{}
	for _, x := range append(ts, v...) {
		seen[x] = true
	}
	for _, l := range g.Layers {
		for _, row := range l.W {
			for _, w := range row {
				if seen[w] {
					t.Fatal("aliased weight")
				}
				seen[w] = true
			}
		}
		for _, b := range l.B {
			if seen[b] {
				t.Fatal("aliased bias")
			}
			seen[b] = true
		}
	}
}
