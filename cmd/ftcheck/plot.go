package main

// ftcheck plot bounds: the paper's Fig. 5 (Cor. 5.2's regimes over K for a
// given m, with N*'s bounds) beside Cor. 4.2, as PNG and SVG.

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/ftcheck/ftcheck/experiment"
)

func init() {
	register("plot", "draw the paper's figures (bounds: Fig. 5 and Cor. 4.2)", runPlot)
}

const plotSynopsis = "usage: ftcheck plot bounds [-m M] [-out DIR]"

func runPlot(stdout, stderr io.Writer, args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fmt.Fprintln(stderr, plotSynopsis)
		if len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help") {
			return nil
		}
		return usageErr("plot: name the figure (bounds)")
	}
	if args[0] != "bounds" {
		return usageErr("plot: unknown figure %q (only bounds)", args[0])
	}
	fs := newFlags("plot bounds", "[-m M] [-out DIR]", stderr)
	m := fs.Int("m", 20, "hidden neurons m of the network whose N* is drawn (at least 1)")
	out := fs.String("out", ".", "directory for bounds.png and bounds.svg")
	if help, err := parseFlags(fs, args[1:], false); help || err != nil {
		return err
	}
	if *m < 1 || *m > 100000 {
		return usageErr("plot bounds: -m must be between 1 and 100000, got %d", *m)
	}
	fig, err := experiment.BoundsPlot(*m)
	if err != nil {
		return err
	}
	if err := saveFigure(*out, "bounds", fig); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote: %s\nwrote: %s\n", filepath.Join(*out, "bounds.png"), filepath.Join(*out, "bounds.svg"))
	return nil
}

// saveFigure writes DIR/NAME.png and DIR/NAME.svg atomically.
func saveFigure(dir, name string, fig *experiment.Figure) error {
	for _, format := range []string{"png", "svg"} {
		path := filepath.Join(dir, name+"."+format)
		if err := writeFileAtomic(path, func(w io.Writer) error { return fig.WriteTo(w, format) }); err != nil {
			return err
		}
	}
	return nil
}
