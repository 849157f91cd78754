package main

// ftcheck experiment fig9: the paper's Sec. 7 training experiment (float64,
// the paper's own setting), its CSV and its figure.

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ftcheck/ftcheck/experiment"
)

func init() {
	register("experiment", "the paper's Sec. 7 training experiment (fig9)", runExperiment)
}

func runExperiment(stdout, stderr io.Writer, args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help") {
			fmt.Fprintln(stderr, experimentSynopsis)
			return nil
		}
		fmt.Fprintln(stderr, experimentSynopsis)
		return usageErr("experiment: name the experiment (fig9)")
	}
	if args[0] != "fig9" {
		return usageErr("experiment: unknown experiment %q (only fig9)", args[0])
	}
	return runFig9(stdout, stderr, args[1:])
}

const experimentSynopsis = "usage: ftcheck experiment fig9 [-quick] [-seed S] [-out DIR] [-from CSV]"

func runFig9(stdout, stderr io.Writer, args []string) error {
	fs := newFlags("experiment fig9", "[-quick] [-seed S] [-out DIR] [-from CSV]", stderr)
	quick := fs.Bool("quick", false, "small version: K = 200, coarser grid, shorter training (under a minute)")
	seed := fs.Uint64("seed", 1, "seed of the data, relabelling and initialisations")
	out := fs.String("out", ".", "directory for fig9.csv, fig9-runs.csv, fig9.png, fig9.svg")
	from := fs.String("from", "", "redraw the figure (and rewrite DIR/fig9.csv) from an existing fig9.csv instead of training")
	noCons := fs.Bool("no-constructions", false, "do not build and verify the exact constructions for the figure")
	if help, err := parseFlags(fs, args, false); help || err != nil {
		return err
	}
	if *seed == 0 {
		return usageErr("experiment fig9: -seed must be nonzero")
	}
	if err := checkOutputDir(*out); err != nil {
		return outputErr("experiment fig9: -out", err)
	}
	if *from != "" {
		return redrawFig9(stdout, stderr, *from, *out, !*noCons)
	}
	cfg := experiment.FullConfig(*seed)
	if *quick {
		cfg = experiment.QuickConfig(*seed)
	}
	bar := newProgress(stderr, "fig9 "+cfg.Name)
	res, err := experiment.Fig9(context.Background(), cfg, bar.update)
	bar.finish()
	if err != nil {
		return err
	}
	if err := writeFig9Tables(*out, res); err != nil {
		return err
	}
	var cons []experiment.ConstructionCount
	if !*noCons {
		cons = experiment.Constructions(cfg.K, cfg.Ns, cfg.Seed)
	}
	if err := writeFig9Figure(*out, cfg.K, res.Points, res.Fits, cons); err != nil {
		return err
	}
	printFig9(stdout, res)
	return nil
}

func writeFig9Tables(dir string, res *experiment.Result) error {
	if err := writeOutput(filepath.Join(dir, "fig9.csv"), func(w io.Writer) error { return experiment.WritePoints(w, res) }); err != nil {
		return err
	}
	return writeOutput(filepath.Join(dir, "fig9-runs.csv"), func(w io.Writer) error { return experiment.WriteRuns(w, res) })
}

func writeFig9Figure(dir string, k int, pts []experiment.Point, fits map[int]experiment.Fit, cons []experiment.ConstructionCount) error {
	p, err := experiment.Fig9Plot(k, pts, fits, cons)
	if err != nil {
		return err
	}
	return saveFigure(dir, "fig9", p)
}

func redrawFig9(stdout, stderr io.Writer, csvPath, dir string, withCons bool) error {
	f, err := os.Open(csvPath)
	if err != nil {
		return usageErr("%v", err)
	}
	defer f.Close()
	k, pts, err := experiment.ReadPoints(f)
	if err != nil {
		return usageErr("%s: %v", csvPath, err)
	}
	fits := experiment.FitExponents(pts)
	// Rewrite the table in DIR in the current format (it gains the params
	// column when read from an older file); d = 10 as in Sec. 7.
	table := &experiment.Result{Config: experiment.Config{K: k, D: 10}, Points: pts}
	if err := writeOutput(filepath.Join(dir, "fig9.csv"), func(w io.Writer) error { return experiment.WritePoints(w, table) }); err != nil {
		return err
	}
	var cons []experiment.ConstructionCount
	if withCons {
		cons = experiment.Constructions(k, gridOf(pts), 1)
	}
	if err := writeFig9Figure(dir, k, pts, fits, cons); err != nil {
		return err
	}
	printFits(stdout, fits)
	return nil
}

func gridOf(pts []experiment.Point) []int {
	seen := map[int]bool{}
	var ns []int
	for _, p := range pts {
		if !seen[p.N] {
			seen[p.N] = true
			ns = append(ns, p.N)
		}
	}
	return ns
}

// printFig9 prints the INTERFACE lines (exponent-3layer, exponent-2layer)
// and the facts behind them, one key: value per line.
func printFig9(w io.Writer, res *experiment.Result) {
	cfg := res.Config
	fmt.Fprintf(w, "experiment: fig9 (%s)\n", cfg.Name)
	fmt.Fprintf(w, "K: %d\nd: %d\nseed: %d\n", cfg.K, cfg.D, cfg.Seed)
	fmt.Fprintf(w, "f-hidden: %v\nf-mse: %.3g\n", cfg.Pretrain.Hidden, res.FMSE)
	fmt.Fprintf(w, "target-loss: %g\nN-grid: %v\nrestarts: %d\n", cfg.Target, cfg.Ns, cfg.Restarts)
	fmt.Fprintln(w, "split-3layer: d1 = ceil(m/2), d2 = floor(m/2)")
	for _, depth := range []int{2, 3} {
		for _, n := range cfg.Ns {
			ms := res.LeastMs(depth, n)
			fmt.Fprintf(w, "least-m-%dlayer N=%d: %s\n", depth, n, strings.Join(ms, " "))
		}
	}
	printFits(w, res.Fits)
	fmt.Fprintf(w, "trainings: %d\nelapsed: %s\n", len(res.Runs), res.Elapsed.Round(time.Second))
	if res.Partial {
		fmt.Fprintln(w, "partial: true")
	}
}

func printFits(w io.Writer, fits map[int]experiment.Fit) {
	for _, depth := range []int{3, 2} {
		f := fits[depth]
		fmt.Fprintf(w, "exponent-%dlayer: %s\n", depth, fmtExp(f.Exponent))
		fmt.Fprintf(w, "exponent-%dlayer-stderr: %s\n", depth, fmtExp(f.StdErr))
		fmt.Fprintf(w, "exponent-%dlayer-restarts: %s..%s\n", depth, fmtExp(f.Min), fmtExp(f.Max))
	}
}

func fmtExp(x float64) string {
	if math.IsNaN(x) {
		return "NaN"
	}
	return fmt.Sprintf("%.2f", x)
}

// progress draws a bar on stderr: points done of total, trainings, time.
type progress struct {
	w     io.Writer
	label string
	start time.Time
	drawn bool
}

func newProgress(w io.Writer, label string) *progress {
	return &progress{w: w, label: label, start: time.Now()}
}

func (p *progress) update(done, total, trainings int) {
	const width = 30
	fill := width * done / max(total, 1)
	fmt.Fprintf(p.w, "\r%s [%s%s] %d/%d points, %d trainings, %s ", p.label,
		strings.Repeat("#", fill), strings.Repeat(".", width-fill), done, total, trainings,
		time.Since(p.start).Round(time.Second))
	p.drawn = true
}

func (p *progress) finish() {
	if p.drawn {
		fmt.Fprintln(p.w)
	}
}
