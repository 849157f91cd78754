package experiment

// Figure: a gonum plot with its legend drawn in a column to its right, so
// that no legend entry covers a curve; saved as PNG or SVG.

import (
	"fmt"
	"image/color"
	"io"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Figure is a plot (and optional panels beside it) and a side legend.
type Figure struct {
	Plot    *plot.Plot
	Panels  []*plot.Plot // drawn to the right of Plot, same size
	Legend  plot.Legend
	W, H    vg.Length // whole figure
	LegendW vg.Length // width of the legend column
}

func newFigure(title, xlabel, ylabel string) *Figure {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font.Size = vg.Points(13)
	p.X.Label.Text = xlabel
	p.Y.Label.Text = ylabel
	p.X.Label.TextStyle.Font.Size = vg.Points(12)
	p.Y.Label.TextStyle.Font.Size = vg.Points(12)
	p.Add(plotter.NewGrid())
	l := plot.NewLegend()
	l.Top, l.Left = true, true
	l.TextStyle.Font.Size = vg.Points(10)
	l.ThumbnailWidth = vg.Points(26)
	l.Padding = vg.Points(2)
	return &Figure{Plot: p, Legend: l, W: 10 * vg.Inch, H: 5.2 * vg.Inch, LegendW: 3.4 * vg.Inch}
}

// add puts plotters on the plot and, when label is not empty, one legend
// entry showing all of them.
func (f *Figure) add(label string, ps ...plot.Plotter) {
	f.Plot.Add(ps...)
	if label == "" {
		return
	}
	var ts []plot.Thumbnailer
	for _, p := range ps {
		if t, ok := p.(plot.Thumbnailer); ok {
			ts = append(ts, t)
		}
	}
	f.Legend.Add(label, ts...)
}

// Draw draws the plot on the left and the legend on the right of c.
func (f *Figure) Draw(c draw.Canvas) {
	plots := append([]*plot.Plot{f.Plot}, f.Panels...)
	w := (c.Size().X - f.LegendW) / vg.Length(len(plots))
	for i, p := range plots {
		left := vg.Length(i) * w
		p.Draw(draw.Crop(c, left, left+w-c.Size().X, 0, 0))
	}
	legendArea := draw.Crop(c, c.Size().X-f.LegendW+vg.Points(8), 0, 0, -vg.Points(30))
	f.Legend.Draw(legendArea)
}

// WriteTo renders the figure as "png" (150 dpi) or "svg".
func (f *Figure) WriteTo(w io.Writer, format string) error {
	switch format {
	case "png":
		c := vgimg.NewWith(vgimg.UseWH(f.W, f.H), vgimg.UseDPI(110), vgimg.UseBackgroundColor(color.White))
		f.Draw(draw.New(c))
		_, err := vgimg.PngCanvas{Canvas: c}.WriteTo(w)
		return err
	case "svg":
		c := vgsvg.New(f.W, f.H)
		f.Draw(draw.New(c))
		_, err := c.WriteTo(w)
		return err
	}
	return fmt.Errorf("experiment: unknown figure format %q (png or svg)", format)
}
