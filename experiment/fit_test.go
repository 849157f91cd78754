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

// OverSeeds by hand: 0.4, 0.5, 0.6 have mean 0.5 and sd 0.1, and
// t(0.975, 2) = 4.3027, so the interval is 0.5 ± 4.3027·0.1/√3 = 0.5 ± 0.2484;
// a NaN is left out; one exponent has no interval.
func TestOverSeeds(t *testing.T) {
	mean, lo, hi, used := OverSeeds([]float64{0.4, math.NaN(), 0.5, 0.6})
	if used != 3 || math.Abs(mean-0.5) > 1e-12 || math.Abs(lo-0.25159) > 1e-4 || math.Abs(hi-0.74841) > 1e-4 {
		t.Fatalf("OverSeeds = %v %v..%v (%d used)", mean, lo, hi, used)
	}
	if m, l, h, used := OverSeeds([]float64{0.5, math.NaN()}); !math.IsNaN(m) || !math.IsNaN(l) || !math.IsNaN(h) || used != 1 {
		t.Fatalf("one exponent: %v %v %v %d", m, l, h, used)
	}
}

// The relative threshold: ε·2N/(3K), so ε = 0.12 gives the paper's 0.04 at
// N = 500, K = 1000, and 0.008 at N = 20, K = 200; without it, Target.
func TestTargetAt(t *testing.T) {
	c := FullConfig(1)
	if c.TargetAt(100) != 0.04 {
		t.Fatalf("absolute: %v", c.TargetAt(100))
	}
	c.Relative = 0.12
	if v := c.TargetAt(500); math.Abs(v-0.04) > 1e-15 {
		t.Fatalf("relative at N = 500: %v", v)
	}
	q := QuickConfig(1)
	q.Relative = 0.12
	if v := q.TargetAt(20); math.Abs(v-0.008) > 1e-15 {
		t.Fatalf("relative at N = 20, K = 200: %v", v)
	}
	q.Relative = -1
	if q.validate() == nil {
		t.Fatal("a negative relative threshold validated")
	}
}
