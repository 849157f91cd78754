package experiment

// Fig. 9 reproduced: the least trained m against N for 2- and 3-layer g, with
// the paper's bounds (package bounds, drawn as float64: a picture may round)
// and the exact constructions' verified neuron counts on the same log-log
// axes.

import (
	"fmt"
	"image/color"
	"math"
	"math/big"
	"slices"
	"sort"
	"strconv"

	"github.com/ftcheck/ftcheck/bounds"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

var (
	blue      = color.RGBA{20, 90, 200, 255}
	lightBlue = color.RGBA{110, 160, 235, 255}
	orange    = color.RGBA{220, 90, 0, 255}
	brown     = color.RGBA{150, 75, 20, 255}
	purple    = color.RGBA{140, 60, 170, 255}
	pink      = color.RGBA{215, 80, 140, 255}
	green     = color.RGBA{30, 150, 70, 255}
	grey      = color.RGBA{90, 90, 90, 255}
)

// surdFloat rounds a·√r + c to float64, for drawing only.
func surdFloat(s bounds.Surd) float64 {
	a, _ := s.Coef().Float64()
	c, _ := s.Const().Float64()
	r, _ := new(big.Rat).SetInt(s.Radicand()).Float64()
	return a*math.Sqrt(r) + c
}

// Fig9Plot draws the least m found by training (median per N, bars from the
// least to the largest over restarts) with the paper's bounds for K and,
// when cons is not empty, the constructions' verified counts.
func Fig9Plot(k int, pts []Point, fits map[int]Fit, cons []ConstructionCount) (*Figure, error) {
	title := fmt.Sprintf("Fig. 9 reproduced: least m with loss ≤ 0.04, K = %d, d = 10", k)
	if len(pts) == 0 {
		title = fmt.Sprintf("Thm 4.1 and 5.1 bounds and verified constructions, K = %d", k)
	}
	f := newFigure(title, "N (changed samples)", "m (hidden ReLU neurons of g)")
	var ns []int
	for _, q := range pts {
		ns = append(ns, q.N)
	}
	for _, c := range cons {
		ns = append(ns, c.N)
	}
	if len(ns) == 0 {
		return nil, fmt.Errorf("experiment: Fig9Plot: nothing to draw")
	}
	p := f.Plot
	p.X.Scale, p.Y.Scale = plot.LogScale{}, plot.LogScale{}
	lo, hi := slices.Min(ns), slices.Max(ns)
	lo, hi = max(int(math.Floor(float64(lo)/1.25)), 1), int(math.Ceil(float64(hi)*1.1))
	p.X.Min, p.X.Max = float64(lo), float64(hi)
	p.Y.Min, p.Y.Max = 1, 3*float64(k)
	p.X.Tick.Marker = logTicks(float64(lo), float64(hi))
	p.Y.Tick.Marker = logTicks(1, 3*float64(k))
	if err := addBoundLines(f, k, lo, hi); err != nil {
		return nil, err
	}
	if err := addConstructions(f, cons); err != nil {
		return nil, err
	}
	for _, depth := range []int{2, 3} {
		if err := addTrained(f, pts, fits[depth], depth); err != nil {
			return nil, err
		}
	}
	f.Legend.Add("Bounds and constructions: exact fit (loss 0);")
	f.Legend.Add("  lower bounds: worst-case instances.")
	if len(cons) > 0 {
		f.Legend.Add(fmt.Sprintf("  Constructions: random T, %d points on a line.", k))
	}
	if len(pts) > 0 {
		f.Legend.Add("Trained: float64 Adam, loss ≤ 0.04; median,")
		f.Legend.Add("  bars min..max over restarts; slope = log-log fit;")
		f.Legend.Add("  m = 0 (g = 0 already meets it) is not drawn.")
	}
	return f, nil
}

// addBoundLines draws Thm 4.1's and Thm 5.1's bounds for N in [lo, hi].
func addBoundLines(f *Figure, k, lo, hi int) error {
	type curve struct {
		label  string
		col    color.Color
		dashes []vg.Length
		at     func(n int) float64
	}
	dash := []vg.Length{vg.Points(6), vg.Points(3)}
	dot := []vg.Length{vg.Points(1.5), vg.Points(2.5)}
	curves := []curve{
		{"2-layer upper min{3N+1, K−1} (Thm 4.1)", blue, dash, func(n int) float64 { return float64(bounds.Thm41Upper(n, k)) }},
		{"2-layer lower min{3N, K−2} (Thm 4.1)", blue, dot, func(n int) float64 { return float64(bounds.Thm41Lower(n, k)) }},
		{"3-layer U1 = 4√K", brown, dash, func(n int) float64 { return surdFloat(bounds.Thm51U1(k)) }},
		{"3-layer U2 = 2√K + 3N", pink, dash, func(n int) float64 { return surdFloat(bounds.Thm51U2(n, k)) }},
		{"3-layer U3 = 6√(3N+2)", purple, dash, func(n int) float64 { return surdFloat(bounds.Thm51U3(n)) }},
		{"3-layer lower √(2·min{3N, K−2} + 1/4) − 1/2", orange, dot, func(n int) float64 { return surdFloat(bounds.Thm51Lower(n, k)) }},
	}
	for _, c := range curves {
		var xy plotter.XYs
		for n := lo; n <= hi; n++ {
			if n > k {
				break
			}
			xy = append(xy, plotter.XY{X: float64(n), Y: c.at(n)})
		}
		l, err := plotter.NewLine(xy)
		if err != nil {
			return err
		}
		l.Color, l.Dashes, l.Width = c.col, c.dashes, vg.Points(1.6)
		if c.dashes[0] < vg.Points(2) {
			l.Width = vg.Points(2.4) // dotted lines need weight to be seen
		}
		f.add(c.label, l)
	}
	return nil
}

// addConstructions marks each construction's verified neuron count.
func addConstructions(f *Figure, cons []ConstructionCount) error {
	style := map[string]struct {
		col   color.Color
		glyph draw.GlyphDrawer
		label string
	}{
		"T4.4": {lightBlue, draw.BoxGlyph{}, "T4.4 built, verified (2-layer)"},
		"U1":   {brown, draw.TriangleGlyph{}, "U1 built, verified"},
		"U2":   {pink, draw.PyramidGlyph{}, fmt.Sprintf("U2 built, verified (N ≤ %d)", u2VerifyLimit)},
		"U3":   {purple, draw.SquareGlyph{}, "U3 built, verified"},
		"A":    {green, draw.CrossGlyph{}, "App. A built, verified (4N+4)"},
	}
	byName := map[string]plotter.XYs{}
	var names []string
	for _, c := range cons {
		if !c.Verified || c.Neurons <= 0 {
			continue
		}
		if _, ok := byName[c.Name]; !ok {
			names = append(names, c.Name)
		}
		byName[c.Name] = append(byName[c.Name], plotter.XY{X: float64(c.N), Y: float64(c.Neurons)})
	}
	order := map[string]int{"T4.4": 0, "U1": 1, "U2": 2, "U3": 3, "A": 4}
	sort.Slice(names, func(i, j int) bool { return order[names[i]] < order[names[j]] })
	for _, name := range names {
		s, err := plotter.NewScatter(byName[name])
		if err != nil {
			return err
		}
		st := style[name]
		s.GlyphStyle = draw.GlyphStyle{Color: st.col, Radius: vg.Points(3.5), Shape: st.glyph}
		f.add(st.label, s)
	}
	return nil
}

type errPoints struct {
	plotter.XYs
	plotter.YErrors
}

// addTrained draws the least trained m of one depth: median over restarts,
// bars from the smallest to the largest; capped and m = 0 points are left
// out (a log axis has no 0; a capped m is only a lower bound).
func addTrained(f *Figure, pts []Point, fit Fit, depth int) error {
	byN := map[int][]float64{}
	for _, q := range pts {
		if q.Depth == depth && q.LeastM > 0 && !q.Capped {
			byN[q.N] = append(byN[q.N], float64(q.LeastM))
		}
	}
	ns := make([]int, 0, len(byN))
	for n := range byN {
		ns = append(ns, n)
	}
	sort.Ints(ns)
	var data errPoints
	for _, n := range ns {
		ms := byN[n]
		sort.Float64s(ms)
		med := median(ms)
		data.XYs = append(data.XYs, plotter.XY{X: float64(n), Y: med})
		data.YErrors = append(data.YErrors, struct{ Low, High float64 }{med - ms[0], ms[len(ms)-1] - med})
	}
	if len(ns) == 0 {
		return nil
	}
	col := blue
	if depth == 3 {
		col = orange
	}
	line, points, err := plotter.NewLinePoints(data)
	if err != nil {
		return err
	}
	line.Color, line.Width = col, vg.Points(2)
	points.GlyphStyle = draw.GlyphStyle{Color: col, Radius: vg.Points(3), Shape: draw.CircleGlyph{}}
	bars, err := plotter.NewYErrorBars(data)
	if err != nil {
		return err
	}
	bars.Color, bars.Width = col, vg.Points(1.2)
	f.add(fmt.Sprintf("%d-layer g trained, least m (slope %s)", depth, fmtSlope(fit)), line, points, bars)
	return nil
}

func fmtSlope(f Fit) string {
	if math.IsNaN(f.Exponent) {
		return "n/a"
	}
	return strconv.FormatFloat(f.Exponent, 'f', 2, 64)
}

func median(sorted []float64) float64 {
	n := len(sorted)
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}

// logTicks labels 1, 2, 5 × 10^k between lo and hi (every tick when the
// range is under a decade), and marks the rest.
func logTicks(lo, hi float64) plot.Ticker {
	all := hi/lo < 10
	var ts []plot.Tick
	for e := math.Floor(math.Log10(lo)); math.Pow(10, e) <= hi; e++ {
		base := math.Pow(10, e)
		for i := 1; i <= 9; i++ {
			v := float64(i) * base
			if v < lo || v > hi {
				continue
			}
			label := ""
			if all || i == 1 || i == 2 || i == 5 {
				label = strconv.FormatFloat(v, 'f', -1, 64)
			}
			ts = append(ts, plot.Tick{Value: v, Label: label})
		}
	}
	return plot.ConstantTicks(ts)
}
