package lowerbound

// lp_test.go checks the exact linear algebra of exact2.go and lp.go against
// systems whose answer is known by construction: a planted solution makes a
// system feasible, and a planted Farkas combination (rows that sum to
// 0 ≥ 1) makes it infeasible. Elimination is also compared with the
// separate Gaussian elimination of brute_test.go.

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/ftcheck/ftcheck/oracle"
	"pgregory.net/rapid"
)

// lpSystem is Aeq·x = beq, G·x ≥ h over n free variables.
type lpSystem struct {
	n        int
	Aeq, G   [][]*big.Rat
	beq, h   []*big.Rat
	feasible bool
}

func dotRats(a, x []*big.Rat) *big.Rat {
	s := new(big.Rat)
	for i := range a {
		s.Add(s, new(big.Rat).Mul(a[i], x[i]))
	}
	return s
}

func ratRow(t *rapid.T, n int, label string) []*big.Rat {
	r := make([]*big.Rat, n)
	for j := range r {
		r[j] = big.NewRat(int64(rapid.IntRange(-3, 3).Draw(t, fmt.Sprintf("%s[%d]", label, j))), 1)
	}
	return r
}

// lpGen draws a small system: a planted point x0 satisfies every row (with
// random slack on the inequalities); when "infeasible" is drawn, three rows
// g1, g2, −(g1+g2) with right-hand sides h1, h2, 1 − h1 − h2 are added, whose
// sum reads 0 ≥ 1.
func lpGen() *rapid.Generator[lpSystem] {
	return rapid.Custom(func(t *rapid.T) lpSystem {
		n := rapid.IntRange(1, 4).Draw(t, "n")
		x0 := ratRow(t, n, "x0")
		s := lpSystem{n: n, feasible: true}
		for i := rapid.IntRange(0, 3).Draw(t, "eqs"); i > 0; i-- {
			a := ratRow(t, n, "Aeq")
			s.Aeq, s.beq = append(s.Aeq, a), append(s.beq, dotRats(a, x0))
		}
		for i := rapid.IntRange(0, 4).Draw(t, "ineqs"); i > 0; i-- {
			g := ratRow(t, n, "G")
			slack := big.NewRat(int64(rapid.IntRange(0, 2).Draw(t, "slack")), 1)
			s.G, s.h = append(s.G, g), append(s.h, new(big.Rat).Sub(dotRats(g, x0), slack))
		}
		if rapid.Bool().Draw(t, "infeasible") {
			s.feasible = false
			g1, g2 := ratRow(t, n, "g1"), ratRow(t, n, "g2")
			g3 := make([]*big.Rat, n)
			for j := range g3 {
				g3[j] = new(big.Rat).Neg(new(big.Rat).Add(g1[j], g2[j]))
			}
			h1 := big.NewRat(int64(rapid.IntRange(-3, 3).Draw(t, "h1")), 1)
			h2 := big.NewRat(int64(rapid.IntRange(-3, 3).Draw(t, "h2")), 1)
			h3 := new(big.Rat).Sub(big.NewRat(1, 1), new(big.Rat).Add(h1, h2))
			at := rapid.IntRange(0, len(s.G)).Draw(t, "at")
			rows := [][]*big.Rat{g1, g2, g3}
			rhs := []*big.Rat{h1, h2, h3}
			s.G = append(s.G[:at:at], append(rows, s.G[at:]...)...)
			s.h = append(s.h[:at:at], append(rhs, s.h[at:]...)...)
		}
		return s
	})
}

// checkLP solves s and checks the answer against how s was built.
func checkLP(s lpSystem) error {
	x := feasibleLP(s.Aeq, s.beq, s.G, s.h, s.n)
	if !s.feasible {
		if x != nil {
			return fmt.Errorf("infeasible system: got x = %v", ratStrings(x))
		}
		return nil
	}
	if x == nil {
		return fmt.Errorf("system with a planted solution reported infeasible")
	}
	for i, a := range s.Aeq {
		if dotRats(a, x).Cmp(s.beq[i]) != 0 {
			return fmt.Errorf("equality %d violated by %v", i, ratStrings(x))
		}
	}
	for i, g := range s.G {
		if dotRats(g, x).Cmp(s.h[i]) < 0 {
			return fmt.Errorf("inequality %d violated by %v", i, ratStrings(x))
		}
	}
	return nil
}

// TestFeasibleLP: a system with a planted solution is found feasible and
// the returned x satisfies every row exactly; a system with a planted
// contradiction is found infeasible.
func TestFeasibleLP(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		if err := checkLP(lpGen().Draw(rt, "system")); err != nil {
			rt.Fatal(err)
		}
	})
}

// TestFeasibleLPSweep: the same check on a fixed set of 300 systems, so
// that every run covers the same ground.
func TestFeasibleLPSweep(t *testing.T) {
	g := lpGen()
	for seed := 0; seed < 300; seed++ {
		if err := checkLP(g.Example(seed)); err != nil {
			t.Fatalf("example %d: %v", seed, err)
		}
	}
}

// TestFeasibleLPByHand: x ≥ 1 and −x ≥ 0 (x ≤ 0) is infeasible; x − y = 2,
// y ≥ 3 gives x ≥ 5; x = −3 alone returns −3; an equality system with two
// different right-hand sides for one row is infeasible.
func TestFeasibleLPByHand(t *testing.T) {
	r := func(v ...int64) []*big.Rat {
		out := make([]*big.Rat, len(v))
		for i, x := range v {
			out[i] = big.NewRat(x, 1)
		}
		return out
	}
	if x := feasibleLP(nil, nil, [][]*big.Rat{r(1), r(-1)}, r(1, 0), 1); x != nil {
		t.Errorf("x ≥ 1, x ≤ 0: got %v", ratStrings(x))
	}
	x := feasibleLP([][]*big.Rat{r(1, -1)}, r(2), [][]*big.Rat{r(0, 1)}, r(3), 2)
	if x == nil || new(big.Rat).Sub(x[0], x[1]).Cmp(big.NewRat(2, 1)) != 0 || x[1].Cmp(big.NewRat(3, 1)) < 0 {
		t.Errorf("x − y = 2, y ≥ 3: got %v", x)
	}
	if x := feasibleLP([][]*big.Rat{r(1)}, r(-3), nil, nil, 1); x == nil || x[0].Cmp(big.NewRat(-3, 1)) != 0 {
		t.Errorf("x = −3: got %v", x)
	}
	if x := feasibleLP([][]*big.Rat{r(2, 1), r(2, 1)}, r(1, 2), nil, nil, 2); x != nil {
		t.Errorf("2x + y = 1 and = 2: got %v", ratStrings(x))
	}
	// x ≥ 1/2, y ≥ 1/3 with x + y = 5/6: the only point is (1/2, 1/3).
	h := []*big.Rat{big.NewRat(1, 2), big.NewRat(1, 3)}
	x = feasibleLP([][]*big.Rat{r(1, 1)}, []*big.Rat{big.NewRat(5, 6)}, [][]*big.Rat{r(1, 0), r(0, 1)}, h, 2)
	if x == nil || x[0].Cmp(h[0]) != 0 || x[1].Cmp(h[1]) != 0 {
		t.Errorf("the single point (1/2, 1/3): got %v", x)
	}
}

// gaussJordanGen draws a small augmented system (n unknowns); a row is
// often a multiple of the one before with its own right-hand side, which
// makes rank deficiency and inconsistency common.
func gaussJordanGen() *rapid.Generator[[][]*big.Rat] {
	return rapid.Custom(func(t *rapid.T) [][]*big.Rat {
		n := rapid.IntRange(1, 4).Draw(t, "n")
		m := rapid.IntRange(1, 5).Draw(t, "rows")
		rows := make([][]*big.Rat, m)
		for i := range rows {
			rows[i] = ratRow(t, n+1, fmt.Sprintf("row%d", i))
			if i > 0 && rapid.IntRange(0, 2).Draw(t, "copy") == 0 {
				k := big.NewRat(int64(rapid.IntRange(-2, 2).Draw(t, "k")), 1)
				for j := 0; j < n; j++ {
					rows[i][j] = new(big.Rat).Mul(k, rows[i-1][j])
				}
			}
		}
		return rows
	})
}

// checkGaussJordan: the reduction agrees with the elimination of
// brute_test.go on consistency, leaves each pivot column a unit vector, and
// (when consistent) the pivot solution with the free variables 0 solves the
// original system.
func checkGaussJordan(orig [][]*big.Rat) error {
	n := len(orig[0]) - 1
	work := make([][]*big.Rat, len(orig))
	ref := make([][]*big.Rat, len(orig))
	for i := range orig {
		work[i], ref[i] = copyRats(orig[i]), copyRats(orig[i])
	}
	pivot, ok := gaussJordan(work, n)
	if want := consistent(ref, n); ok != want {
		return fmt.Errorf("gaussJordan consistent = %v, reference %v", ok, want)
	}
	if !ok {
		return nil
	}
	x := make([]*big.Rat, n)
	for j := range x {
		x[j] = new(big.Rat)
	}
	for col, r := range pivot {
		if col >= n {
			return fmt.Errorf("pivot in the right-hand side column %d", col)
		}
		for i := range work {
			want := int64(0)
			if i == r {
				want = 1
			}
			if work[i][col].Cmp(big.NewRat(want, 1)) != 0 {
				return fmt.Errorf("pivot column %d not a unit vector at row %d", col, i)
			}
		}
		x[col] = new(big.Rat).Set(work[r][n])
	}
	for i, row := range orig {
		if dotRats(row[:n], x).Cmp(row[n]) != 0 {
			return fmt.Errorf("pivot solution %v fails row %d", ratStrings(x), i)
		}
	}
	return nil
}

// TestGaussJordan: checkGaussJordan on random systems, and on a fixed set of
// 300 so that every run covers the same ground.
func TestGaussJordan(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		if err := checkGaussJordan(gaussJordanGen().Draw(rt, "system")); err != nil {
			rt.Fatal(err)
		}
	})
	g := gaussJordanGen()
	for seed := 0; seed < 300; seed++ {
		if err := checkGaussJordan(g.Example(seed)); err != nil {
			t.Fatalf("example %d: %v", seed, err)
		}
	}
}

// TestEqualitiesSolve: the data equations of one unit in [t_1, t_2] facing
// right, at t = 1, 2, 3 (b = v_1, b + 2δ − c = v_2, b + 3δ − c = v_3), fix
// δ = v_3 − v_2: (0, 1, 3) gives δ = 2 (+1), (0, 1, 0) δ = −1 (−1),
// (0, 1, 1) δ = 0 (+1: a dead unit takes either sign). Facing left, the
// unit is 0 at t = 2, 3, so v_2 = v_3 = b is needed: (0, 1, 3) is
// inconsistent. With two units in [t_1, t_2] facing right, δ_1 + δ_2 is
// fixed but not each: both free (0).
func TestEqualitiesSolve(t *testing.T) {
	ts := oracle.Rats(1, 2, 3)
	for _, c := range []struct {
		v      []int64
		slot   []int
		orient int
		fixed  []int
		ok     bool
	}{
		{[]int64{0, 1, 3}, []int{0}, 1, []int{1}, true},
		{[]int64{0, 1, 0}, []int{0}, 1, []int{-1}, true},
		{[]int64{0, 1, 1}, []int{0}, 1, []int{1}, true},
		{[]int64{0, 1, 3}, []int{0}, 0, nil, false},
		{[]int64{0, 1, 3}, []int{0, 0}, 3, []int{0, 0}, true},
	} {
		ln, _ := SortLine(ts, oracle.Rats(c.v...))
		fixed, ok := equalitiesSolve(ln, c.slot, c.orient)
		if ok != c.ok || fmt.Sprint(fixed) != fmt.Sprint(c.fixed) {
			t.Errorf("v = %v, slots %v, orient %b: fixed %v ok %v; want %v %v", c.v, c.slot, c.orient, fixed, ok, c.fixed, c.ok)
		}
	}
}

// TestSignsAgree: bit j of signs set means δ_j ≥ 0; a fixed +1 needs the
// bit, a fixed −1 needs it clear, 0 takes either.
func TestSignsAgree(t *testing.T) {
	for _, c := range []struct {
		signs int
		fixed []int
		want  bool
	}{
		{0b00, []int{0, 0}, true},
		{0b01, []int{1, 0}, true},
		{0b00, []int{1, 0}, false},
		{0b10, []int{0, -1}, false},
		{0b01, []int{0, -1}, true},
		{0b11, []int{1, 1}, true},
		{0b10, []int{-1, 1}, true},
		{0b11, []int{-1, 1}, false},
	} {
		if got := signsAgree(c.signs, c.fixed); got != c.want {
			t.Errorf("signsAgree(%b, %v) = %v", c.signs, c.fixed, got)
		}
	}
}

// TestCoversTurns: a nonzero turn at data point i (turns[i−1]) needs a
// unit in interval i−1 or i; zero turns need nothing.
func TestCoversTurns(t *testing.T) {
	for _, c := range []struct {
		turns, slot []int
		want        bool
	}{
		{[]int{1, 0, -1}, []int{0, 2}, true},  // turn at 1 by interval 0, at 3 by 2
		{[]int{1, 0, -1}, []int{1, 3}, true},  // intervals 1 and 3
		{[]int{1, 0, -1}, []int{0, 1}, false}, // turn at 3 uncovered
		{[]int{0, 0}, nil, true},
		{[]int{0, 1}, []int{0}, false}, // turn at 2 needs interval 1 or 2
		{[]int{0, 1}, []int{2}, true},
	} {
		if got := coversTurns(c.turns, c.slot); got != c.want {
			t.Errorf("coversTurns(%v, %v) = %v", c.turns, c.slot, got)
		}
	}
}
