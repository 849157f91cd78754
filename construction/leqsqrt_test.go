package construction

import (
	"math/big"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/props"
	"pgregory.net/rapid"
)

// TestLeqPlusSqrtSquares: on r = (p/q)², where √r = p/q is rational,
// LeqPlusSqrt(x, a, b, r) is the plain comparison x ≤ a + b·p/q, equality
// included.
func TestLeqPlusSqrtSquares(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		x, a := props.SmallRat().Draw(t, "x"), props.SmallRat().Draw(t, "a")
		b := new(big.Rat).Abs(props.SmallRat().Draw(t, "b"))
		root := big.NewRat(int64(rapid.IntRange(0, 6).Draw(t, "p")), int64(rapid.IntRange(1, 3).Draw(t, "q")))
		if rapid.Bool().Draw(t, "tight") { // x = a + b·√r exactly
			x = new(big.Rat).Add(a, new(big.Rat).Mul(b, root))
		}
		r := new(big.Rat).Mul(root, root)
		want := x.Cmp(new(big.Rat).Add(a, new(big.Rat).Mul(b, root))) <= 0
		if got := LeqPlusSqrt(x, a, b, r); got != want {
			t.Fatalf("%s ≤ %s + %s·√%s: got %v, want %v", x, a, b, r, got, want)
		}
	})
}

// TestLeqPlusSqrtByHand: cases worked out by hand, irrational roots included
// (3 ≤ 2√3 since 9 ≤ 12; 3 > √8; 5 ≤ 1 + 2√4 with equality), b = 0 and
// r = 0 allowed, negative b or r a panic naming the package.
func TestLeqPlusSqrtByHand(t *testing.T) {
	r := func(p int64) *big.Rat { return big.NewRat(p, 1) }
	cases := []struct {
		x, a, b, rr int64
		want        bool
	}{
		{3, 0, 2, 3, true}, {3, 0, 1, 8, false}, {3, 0, 1, 9, true}, {5, 1, 2, 4, true}, {6, 1, 2, 4, false},
		{3, 1, 1, 4, true}, {2, 1, 0, 5, false}, {1, 1, 0, 5, true}, {1, 0, 1, 0, false}, {-1, 0, 0, 0, true},
	}
	for _, c := range cases {
		if got := LeqPlusSqrt(r(c.x), r(c.a), r(c.b), r(c.rr)); got != c.want {
			t.Errorf("%d ≤ %d + %d√%d: got %v, want %v", c.x, c.a, c.b, c.rr, got, c.want)
		}
	}
	for _, bad := range [][2]int64{{-1, 4}, {1, -4}} {
		msg := panicMessage(func() { LeqPlusSqrt(r(1), r(0), r(bad[0]), r(bad[1])) })
		if !strings.Contains(msg, "construction: LeqPlusSqrt") {
			t.Errorf("b = %d, r = %d: %q", bad[0], bad[1], msg)
		}
	}
}
