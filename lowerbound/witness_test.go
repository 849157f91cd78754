package lowerbound

import (
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/oracle"
)

// TestZigzagWitnessForcesBound: for every 3 ≤ K ≤ 60 and 0 ≤ N ≤ K the
// harness's witness has exactly N changed samples and R = min{3N, K−2}
// (computed by the scan and, for K ≤ 6, by the candidate search).
func TestZigzagWitnessForcesBound(t *testing.T) {
	for K := 3; K <= 60; K++ {
		for N := 0; N <= K; N++ {
			in, err := Witness("T4.1-L", N, K)
			if err != nil {
				t.Fatal(err)
			}
			if in.N() != N || in.K() != K {
				t.Fatalf("N=%d K=%d: witness has N=%d K=%d", N, K, in.N(), in.K())
			}
			R, err := InstanceBreakpoints(in)
			if err != nil {
				t.Fatal(err)
			}
			if R != NeededBreakpoints(N, K) {
				t.Fatalf("N=%d K=%d: R = %d, need %d", N, K, R, NeededBreakpoints(N, K))
			}
			if K <= 6 {
				ln, _ := SortLine(column(in.X), in.Z)
				if b := bruteMin(ln); b != R {
					t.Fatalf("N=%d K=%d: candidate search %d, scan %d", N, K, b, R)
				}
			}
		}
	}
}

func column(X [][]*big.Rat) []*big.Rat {
	t := make([]*big.Rat, len(X))
	for i := range X {
		t[i] = X[i][0]
	}
	return t
}

// TestPaperWitnesses: the paper's K ≥ 3N+2 family forces 3N breakpoints;
// its K = 2N+1 family forces K−2 only for N ≤ 1 (found by the scan; the
// expected values R = 2, 3, 5 for N = 2, 3, 4 are worked by hand from the
// turn signs + + − + + + −: runs of equal signs cost ⌈b/2⌉).
func TestPaperWitnesses(t *testing.T) {
	for K := 3; K <= 40; K++ {
		for N := 0; 3*N+2 <= K; N++ {
			in, _ := PaperWitness(N, K)
			if R, _ := InstanceBreakpoints(in); R != 3*N {
				t.Fatalf("K ≥ 3N+2 family N=%d K=%d: R = %d", N, K, R)
			}
		}
	}
	byHand := map[int]int{1: 1, 2: 2, 3: 3, 4: 5}
	for N, want := range byHand {
		in, _ := PaperWitness(N, 2*N+1)
		if R, _ := InstanceBreakpoints(in); R != want {
			t.Fatalf("K = 2N+1 family N=%d: R = %d, by hand %d", N, R, want)
		}
	}
	if _, err := PaperWitness(3, 8); err == nil {
		t.Fatal("paper gives no witness at N=3 K=8, but no error")
	}
}

// TestPlantedWitnessLabel: changing one label of a witness (the sign of one
// changed sample) makes some witness force fewer breakpoints than needed,
// and the breakpoint check catches it.
func TestPlantedWitnessLabel(t *testing.T) {
	caught := 0
	for K := 3; K <= 20; K++ {
		for N := 1; N <= K; N++ {
			in, _ := Witness("T4.1-L", N, K)
			i := in.T()[len(in.T())/2]
			in.Z[i] = new(big.Rat).Neg(in.Z[i])
			if R, _ := InstanceBreakpoints(in); R < NeededBreakpoints(N, K) {
				caught++
			}
		}
	}
	if caught == 0 {
		t.Fatal("flipping a witness label was never caught")
	}
}

// TestWitnessErrors: K < 3, N > K, N < 0 and unknown claims are errors.
func TestWitnessErrors(t *testing.T) {
	for _, c := range []struct {
		claim string
		N, K  int
	}{{"T4.1-L", 0, 2}, {"T4.1-L", 4, 3}, {"T5.1-L", -1, 5}, {"T4.1-U", 1, 5}} {
		if _, err := Witness(c.claim, c.N, c.K); err == nil {
			t.Errorf("%+v: no error", c)
		}
	}
}

// ExampleZigzagWitness: our witness for N = 3, K = 8 (K < 3N+2, where the
// paper gives none) forces R = K−2 = 6.
func ExampleZigzagWitness() {
	in, _ := ZigzagWitness(3, 8)
	R, _ := InstanceBreakpoints(in)
	var zs []string
	for _, z := range in.Z {
		zs = append(zs, oracle.FormatRat(z))
	}
	fmt.Println(strings.Join(zs, " "))
	fmt.Println("R =", R)
	// Output:
	// 0 0 -1 0 -1 0 -1 0
	// R = 6
}

// ExamplePaperWitness: the paper's Fig. 2 instance (K = 14, N = 4,
// T = {3, 6, 9, 12}) forces R = 3N = 12 breakpoints, i.e. 3N + 1 pieces, as
// Sec. 4.1 says; its Fig. 3 instance (K = 9, N = 4) forces only 5, not
// K − 2 = 7.
func ExamplePaperWitness() {
	fig2, _ := PaperWitness(4, 14)
	fig3, _ := PaperWitness(4, 9)
	r2, _ := InstanceBreakpoints(fig2)
	r3, _ := InstanceBreakpoints(fig3)
	oneBased := func(T []int) []int {
		for i := range T {
			T[i]++
		}
		return T
	}
	fmt.Println("Fig. 2: T =", oneBased(fig2.T()), "R =", r2, "needed", NeededBreakpoints(4, 14))
	fmt.Println("Fig. 3: T =", oneBased(fig3.T()), "R =", r3, "needed", NeededBreakpoints(4, 9))
	// Output:
	// Fig. 2: T = [3 6 9 12] R = 12 needed 12
	// Fig. 3: T = [2 4 6 8] R = 5 needed 7
}

// TestInDimension: a witness placed on the line x_i = i·u in ℚ³ keeps its
// targets, and projecting back with t = uᵀx/uᵀu gives the same R.
func TestInDimension(t *testing.T) {
	u := oracle.Rats(1, 2, -1)
	in, _ := Witness("T5.1-L", 3, 10)
	in3 := InDimension(in, u)
	if in3.Dim() != 3 || in3.Validate() != nil {
		t.Fatalf("dimension %d, %v", in3.Dim(), in3.Validate())
	}
	uu := big.NewRat(6, 1)
	ts := make([]*big.Rat, in3.K())
	for i, x := range in3.X {
		d := new(big.Rat)
		for j := range x {
			d.Add(d, new(big.Rat).Mul(x[j], u[j]))
		}
		ts[i] = d.Quo(d, uu)
	}
	R3, _ := MinBreakpoints(ts, in3.Z)
	R1, _ := InstanceBreakpoints(in)
	if R3 != R1 || R1 != NeededBreakpoints(3, 10) {
		t.Fatalf("R in 3-D %d, on the line %d, needed %d", R3, R1, NeededBreakpoints(3, 10))
	}
	if _, err := InstanceBreakpoints(in3); err == nil {
		t.Fatal("InstanceBreakpoints accepted a 3-D instance")
	}
}

// TestInDimensionCoordinates: x_i = i·u coordinate by coordinate, and the
// targets are the same values.
func TestInDimensionCoordinates(t *testing.T) {
	u := []*big.Rat{big.NewRat(2, 3), big.NewRat(-5, 1), big.NewRat(1, 7)}
	in, _ := Witness("T4.1-L", 2, 7)
	in3 := InDimension(in, u)
	for i := range in3.X {
		for j := range u {
			want := new(big.Rat).Mul(big.NewRat(int64(i+1), 1), u[j])
			if in3.X[i][j].Cmp(want) != 0 {
				t.Fatalf("x_%d[%d] = %v, want %v", i+1, j, in3.X[i][j], want)
			}
		}
		if in3.Z[i].Cmp(in.Z[i]) != 0 {
			t.Fatalf("z_%d changed", i+1)
		}
	}
}
