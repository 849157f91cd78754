package experiment

// The exponent of m against N: least squares on log-log axes.

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// Fit is log m = Intercept + Exponent·log N fitted by least squares.
type Fit struct {
	Exponent, Intercept float64
	StdErr              float64 // standard error of the exponent (NaN with < 3 points)
	Points              int     // (N, m) pairs used: m > 0 and not capped
	// Min and Max are the smallest and largest exponent fitted to one
	// restart's points alone: the spread over restarts.
	Min, Max float64
}

// FitExponents fits each depth's exponent over every point with m > 0 that
// did not hit the search cap (log 0 is undefined and a capped m is only a
// lower bound), pooling the restarts; Min and Max fit each restart alone.
func FitExponents(points []Point) map[int]Fit {
	fits := map[int]Fit{}
	for _, depth := range []int{2, 3} {
		var xs, ys []float64
		perRestart := map[int][2][]float64{}
		for _, p := range points {
			if p.Depth != depth || p.LeastM <= 0 || p.Capped {
				continue
			}
			x, y := math.Log(float64(p.N)), math.Log(float64(p.LeastM))
			xs, ys = append(xs, x), append(ys, y)
			pr := perRestart[p.Restart]
			perRestart[p.Restart] = [2][]float64{append(pr[0], x), append(pr[1], y)}
		}
		f := fitLogLog(xs, ys)
		f.Min, f.Max = math.NaN(), math.NaN()
		restarts := make([]int, 0, len(perRestart))
		for r := range perRestart {
			restarts = append(restarts, r)
		}
		sort.Ints(restarts)
		for _, r := range restarts {
			e := fitLogLog(perRestart[r][0], perRestart[r][1]).Exponent
			if math.IsNaN(e) {
				continue
			}
			if math.IsNaN(f.Min) || e < f.Min {
				f.Min = e
			}
			if math.IsNaN(f.Max) || e > f.Max {
				f.Max = e
			}
		}
		fits[depth] = f
	}
	return fits
}

// fitLogLog regresses ys on xs; NaN exponent when the xs do not vary.
func fitLogLog(xs, ys []float64) Fit {
	f := Fit{Points: len(xs), Exponent: math.NaN(), Intercept: math.NaN(), StdErr: math.NaN()}
	if len(xs) < 2 || stat.Variance(xs, nil) == 0 {
		return f
	}
	f.Intercept, f.Exponent = stat.LinearRegression(xs, ys, nil, false)
	if len(xs) > 2 {
		ss := 0.0
		for i := range xs {
			r := ys[i] - f.Intercept - f.Exponent*xs[i]
			ss += r * r
		}
		sxx := stat.Variance(xs, nil) * float64(len(xs)-1)
		f.StdErr = math.Sqrt(ss / float64(len(xs)-2) / sxx)
	}
	return f
}

// OverSeeds is the mean of exponents fitted to independent sweeps (one per
// seed: new data, f, relabellings and initialisations) and its two-sided
// 95% Student-t interval, mean ± t(0.975, S−1)·sd/√S. NaN with fewer than
// two finite exponents; NaN exponents (a seed with too few points to fit)
// are left out, and used says how many were kept.
func OverSeeds(exps []float64) (mean, lo, hi float64, used int) {
	var xs []float64
	for _, e := range exps {
		if !math.IsNaN(e) && !math.IsInf(e, 0) {
			xs = append(xs, e)
		}
	}
	if len(xs) < 2 {
		return math.NaN(), math.NaN(), math.NaN(), len(xs)
	}
	mean, sd := stat.MeanStdDev(xs, nil)
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(len(xs) - 1)}.Quantile(0.975)
	w := t * sd / math.Sqrt(float64(len(xs)))
	return mean, mean - w, mean + w, len(xs)
}
