package experiment

import (
	"math"
	"testing"
)

// On points lying exactly on m = c·N^a the fit recovers a, with zero
// standard error; points with m = 0 or a capped m are left out.
func TestFitRecoversPowerLaw(t *testing.T) {
	var pts []Point
	for r := 0; r < 2; r++ {
		for _, n := range []int{10, 40, 160, 640} {
			pts = append(pts, Point{Depth: 3, N: n, Restart: r, LeastM: int(math.Round(3 * math.Sqrt(float64(n))))})
			pts = append(pts, Point{Depth: 2, N: n, Restart: r, LeastM: n / 2})
		}
	}
	pts = append(pts, Point{Depth: 3, N: 5, LeastM: 0}, Point{Depth: 2, N: 5000, LeastM: 7, Capped: true})
	fits := FitExponents(pts)
	if f := fits[2]; math.Abs(f.Exponent-1) > 1e-12 || f.Points != 8 || f.StdErr > 1e-9 {
		t.Errorf("2-layer fit %+v, want exponent 1 over 8 points", f)
	}
	// 3·√N rounded: exponent 1/2 up to the rounding of 3√10 = 9.49 → 9.
	if f := fits[3]; math.Abs(f.Exponent-0.5) > 0.02 || f.Points != 8 {
		t.Errorf("3-layer fit %+v, want exponent ≈ 0.5 over 8 points", f)
	}
	if f := fits[3]; f.Min != f.Max {
		t.Errorf("identical restarts fitted different exponents: %v, %v", f.Min, f.Max)
	}
}

// Params counts weights and biases: 2-layer m = 69 with d = 10 is
// 69·10 + 69 + 69 + 1 = 829; 3-layer m = 46 (23, 23) is
// 23·10 + 23 + 23·23 + 23 + 23 + 1 = 829.
func TestParams(t *testing.T) {
	if p := Params(2, 69, 10); p != 829 {
		t.Errorf("2-layer m=69: %d params, want 829", p)
	}
	if p := Params(3, 46, 10); p != 829 {
		t.Errorf("3-layer m=46: %d params, want 829", p)
	}
	if p := Params(3, 3, 1); p != 2*1+2+1*2+1+1+1 {
		t.Errorf("3-layer m=3 (2, 1), d=1: %d params", p)
	}
}
