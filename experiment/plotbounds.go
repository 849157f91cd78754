package experiment

// Fig. 5 redrawn: the regimes of Cor. 5.2 over K for a fixed m, with the
// bounds on N* the corollary states in each, and the 2-layer Cor. 4.2 on the
// same axes. The values come from package bounds (exact); the labels print
// them exactly, the drawing rounds to float64.

import (
	"fmt"
	"image/color"
	"math"
	"math/big"

	"strconv"

	"github.com/ftcheck/ftcheck/bounds"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// BoundsPlot draws N*'s bounds against K for networks with m hidden neurons:
// Cor. 5.2's three regimes (3-layer) and Cor. 4.2's two (2-layer).
func BoundsPlot(m int) (*Figure, error) {
	if m < 1 {
		return nil, fmt.Errorf("experiment: BoundsPlot: m = %d, want m ≥ 1", m)
	}
	small := bounds.Cor52SmallK(m)   // ⌊m²/16⌋
	largeR := bounds.Cor52LargeK(m)  // (m²+m+4)/2
	large := ceilRat(largeR)         // first K of regime 3
	lower3 := bounds.Cor52NLower(m)  // ⌊m²/108 − 2/3⌋
	upper3R := bounds.Cor52NUpper(m) // (m²+m)/6
	upper3 := ratFloat(upper3R)
	kMax := int(math.Ceil(1.35 * float64(large)))
	f := newFigure(fmt.Sprintf("3-layer, m = %d: Cor. 5.2 (Fig. 5)", m),
		"K (pre-training samples)", "N* (samples that can always be fine-tuned)")
	f.Plot.X.Min, f.Plot.X.Max = 0, float64(kMax)
	f.Plot.Y.Min, f.Plot.Y.Max = 0, 1.15*math.Max(upper3, float64(min(large, kMax)))
	red := color.RGBA{230, 70, 70, 255}
	grn := color.RGBA{40, 160, 70, 255}
	lo3 := float64(max(lower3, 0))
	var err error
	add := func(label string, col color.Color, fill bool, xy ...plotter.XY) {
		if err != nil {
			return
		}
		err = f.band(label, col, fill, xy)
	}
	// Regime 1: N* = K for 3 ≤ K ≤ ⌊m²/16⌋.
	if small >= 3 {
		add(fmt.Sprintf("3-layer (Cor 5.2): N* = K for K ≤ floor(m²/16) = %d", small), blue3, false,
			plotter.XY{X: 3, Y: 3}, plotter.XY{X: float64(small), Y: float64(small)})
	}
	// Regime 2: ⌊m²/108 − 2/3⌋ ≤ N* ≤ K for ⌊m²/16⌋+1 ≤ K < (m²+m+4)/2.
	// It is empty when no K ≥ 3 lies in it (m ≤ 2).
	if from := max(small+1, 3); from <= large-1 {
		a, b := float64(from), float64(large-1)
		add(fmt.Sprintf("3-layer: %d ≤ N* ≤ K for %d ≤ K < (m²+m+4)/2 = %s", lower3, from, largeR.RatString()), red, true,
			plotter.XY{X: a, Y: lo3}, plotter.XY{X: b, Y: lo3}, plotter.XY{X: b, Y: b}, plotter.XY{X: a, Y: a})
	}
	// Regime 3: ⌊m²/108 − 2/3⌋ ≤ N* ≤ (m²+m)/6 for K ≥ (m²+m+4)/2.
	c, d := float64(max(large, 3)), float64(kMax)
	add(fmt.Sprintf("3-layer: %d ≤ N* ≤ (m²+m)/6 = %s for K ≥ %d", lower3, upper3R.RatString(), large), grn, true,
		plotter.XY{X: c, Y: lo3}, plotter.XY{X: d, Y: lo3}, plotter.XY{X: d, Y: upper3}, plotter.XY{X: c, Y: upper3})
	if err != nil {
		return nil, err
	}
	f.Plot.X.Tick.Marker = linearTicks(0, float64(kMax))
	f.Plot.Y.Tick.Marker = linearTicks(0, f.Plot.Y.Max)
	if err := f.cor42(m); err != nil {
		return nil, err
	}
	f.Legend.Add(fmt.Sprintf("   lower %d = floor(m²/108 − 2/3)", lower3))
	return f, nil
}

var blue3 = color.RGBA{40, 110, 220, 255}

// cor42 draws Cor. 4.2 in a panel of its own: N* = K for K ≤ m+1;
// ⌊(m−1)/3⌋ ≤ N* ≤ m/3 for K ≥ m+2, over K up to max{4(m+2), 20} (its
// own range: the 2-layer regimes change near K = m+2, far left of Fig. 5's).
func (f *Figure) cor42(m int) error {
	main := f.Plot
	p := newFigure(fmt.Sprintf("2-layer, m = %d: Cor. 4.2", m), main.X.Label.Text, "N*").Plot
	kMax := max(4*(m+2), 20)
	p.X.Min, p.X.Max, p.Y.Min = 0, float64(kMax), 0
	p.Y.Max = 1.25 * float64(max(m+1, 3))
	p.X.Tick.Marker, p.Y.Tick.Marker = linearTicks(0, p.X.Max), linearTicks(0, p.Y.Max)
	f.Panels = append(f.Panels, p)
	f.Plot = p
	defer func() { f.Plot = main }()
	lo := float64(max(bounds.Cor42NLower(m), 0))
	upR := bounds.Cor42NUpper(m)
	up := ratFloat(upR)
	if m+1 >= 3 {
		if err := f.band(fmt.Sprintf("2-layer (Cor 4.2): N* = K for K ≤ m+1 = %d", m+1), grey, false,
			[]plotter.XY{{X: 3, Y: 3}, {X: float64(min(m+1, kMax)), Y: float64(min(m+1, kMax))}}); err != nil {
			return err
		}
	}
	s := float64(m + 2)
	return f.band(fmt.Sprintf("2-layer: %d ≤ N* ≤ m/3 = %s for K ≥ m+2 = %d", bounds.Cor42NLower(m), upR.RatString(), m+2), grey, true,
		[]plotter.XY{{X: s, Y: lo}, {X: float64(kMax), Y: lo}, {X: float64(kMax), Y: up}, {X: s, Y: up}})
}

// band draws a filled polygon (fill) or a line through xy, outlined in col.
func (f *Figure) band(label string, col color.Color, fill bool, xy []plotter.XY) error {
	if !fill {
		l, err := plotter.NewLine(plotter.XYs(xy))
		if err != nil {
			return err
		}
		l.Color, l.Width = col, vg.Points(2.5)
		f.add(label, l)
		return nil
	}
	pg, err := plotter.NewPolygon(plotter.XYs(xy))
	if err != nil {
		return err
	}
	r, g, b, _ := col.RGBA()
	pg.Color = color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 70}
	pg.LineStyle.Color, pg.LineStyle.Width = col, vg.Points(1.5)
	f.add(label, pg)
	return nil
}

func ratFloat(q *big.Rat) float64 {
	v, _ := q.Float64()
	return v
}

// ceilRat is ⌈q⌉ for q ≥ 0.
func ceilRat(q *big.Rat) int {
	n := new(big.Int).Add(q.Num(), new(big.Int).Sub(q.Denom(), big.NewInt(1)))
	return int(n.Quo(n, q.Denom()).Int64())
}

// linearTicks labels about six round values between lo and hi.
func linearTicks(lo, hi float64) plot.Ticker {
	step := math.Pow(10, math.Floor(math.Log10((hi-lo)/5)))
	for _, k := range []float64{1, 2, 5, 10} {
		if (hi-lo)/(k*step) <= 7 {
			step *= k
			break
		}
	}
	var ts []plot.Tick
	for v := math.Ceil(lo/step) * step; v <= hi; v += step {
		ts = append(ts, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'f', -1, 64)})
		for i := 1; i < 5; i++ {
			if w := v + float64(i)*step/5; w <= hi {
				ts = append(ts, plot.Tick{Value: w})
			}
		}
	}
	return plot.ConstantTicks(ts)
}
