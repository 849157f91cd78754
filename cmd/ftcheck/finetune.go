package main

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
	"github.com/ftcheck/ftcheck/theorem"
)

func init() {
	register("finetune", "build the smallest verified side network g so that f+g fits new labels", runFinetune)
}

// candidate is a construction that finetune may use.
type candidate struct {
	name  string
	build func(*instance.Instance) (*construction.Built, error)
}

// candidates lists the constructions of each depth, the paper's and ours (a
// variable so that tests can plant a broken one).
var candidates = defaultCandidates

func defaultCandidates(depth int) []candidate {
	if depth == 2 {
		return []candidate{
			{"T4.4", construction.TwoLayer},
			{"T4.4-oriented", construction.TwoLayerOriented},
			{"R-interpolant", theorem.MinInterpolantNet},
		}
	}
	lifted := func(in *instance.Instance) (*construction.Built, error) {
		b, _, err := theorem.BestTwoLayer(in)
		if err != nil {
			return nil, err
		}
		return construction.Lift(b, in)
	}
	return []candidate{
		{"U1", construction.U1}, {"U2", construction.U2}, {"U3", construction.U3},
		{"A", construction.AppendixA}, {"2-layer+carrier", lifted},
		{"U1-lean", construction.U1Lean},
		{"U2-one-window", func(in *instance.Instance) (*construction.Built, error) { return construction.U2Groups(in, 1) }},
		{"U3-on-T", func(in *instance.Instance) (*construction.Built, error) {
			return construction.U3With(in, construction.U3Options{OnT: true})
		}},
	}
}

// built is a verified candidate.
type built struct {
	*construction.Built
	name string // the candidate's name (the Built's own name may be longer)
	cert *oracle.Certificate
}

func runFinetune(stdout, stderr io.Writer, args []string) error {
	fs := newFlags("finetune", "-net f.json -data new.csv [-depth 2|3] [-out g.json]", stderr)
	netPath := fs.String("net", "", "frozen pre-trained network `file` f (JSON)")
	dataPath := fs.String("data", "", "data `file` (CSV x1,…,xd,y) with the wanted labels")
	depth := fs.Int("depth", 2, "layers of g: 2 (one hidden layer) or 3 (two)")
	out := fs.String("out", "g.json", "where to write g (JSON)")
	if help, err := parseFlags(fs, args, false); help || err != nil {
		return err
	}
	if *depth != 2 && *depth != 3 {
		return usageErr("finetune: -depth must be 2 or 3, got %d", *depth)
	}
	f, err := readNetworkFile(*netPath)
	if err != nil {
		return err
	}
	d, err := readDataFile(*dataPath)
	if err != nil {
		return err
	}
	if err := checkDims(*netPath, f, *dataPath, d); err != nil {
		return err
	}
	in, err := instance.FromNetwork(f, d.X, d.Y)
	if err != nil {
		return fmt.Errorf("%s: %w", *dataPath, err)
	}
	best, tried, err := smallestVerified(in, f, d, *depth, stderr)
	if err != nil {
		return err
	}
	if err := writeFileAtomic(*out, best.Net.WriteJSON); err != nil {
		return err
	}
	printCertificate(stdout, in, *depth, best, tried, *out)
	return nil
}

// smallestVerified builds every candidate, then verifies f+g on every row
// with the oracle in order of increasing neuron count and returns the first
// that verifies: the smallest verified network. Larger candidates are not
// verified (exact verification of the big ones costs the most); they are
// listed with their counts. A candidate that fails verification is a bug in
// a construction: it is reported, never used; if none verifies, finetune
// fails (exit 1).
func smallestVerified(in *instance.Instance, f *oracle.Network, d *oracle.Data, depth int, stderr io.Writer) (*built, []string, error) {
	type option struct {
		name string
		b    *construction.Built
	}
	var opts []option
	var buildErrs []string
	for _, c := range candidates(depth) {
		b, err := c.build(in)
		if err != nil {
			buildErrs = append(buildErrs, fmt.Sprintf("%s: %v", c.name, err))
			continue
		}
		opts = append(opts, option{c.name, b})
	}
	if len(opts) == 0 {
		return nil, nil, usageErr("no construction applies: %s", strings.Join(buildErrs, "; "))
	}
	sort.SliceStable(opts, func(i, j int) bool { return opts[i].b.Neurons < opts[j].b.Neurons })
	var best *built
	var tried []string
	for _, o := range opts {
		if best != nil {
			tried = append(tried, fmt.Sprintf("%s=%d", o.name, o.b.Neurons))
			continue
		}
		cert, err := oracle.Verify(o.b.Net, f, d.X, d.Y)
		var mm *oracle.Mismatch
		if errors.As(err, &mm) {
			fmt.Fprintf(stderr, "ftcheck: construction %s failed verification at row %d (got %s, want %s); not used\n", o.name, mm.Row, oracle.FormatRat(mm.Got), oracle.FormatRat(mm.Want))
			tried = append(tried, o.name+"=FAILED")
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		tried = append(tried, fmt.Sprintf("%s=%d (verified)", o.name, o.b.Neurons))
		best = &built{o.b, o.name, cert}
	}
	if best == nil {
		return nil, nil, failed("no construction verified on this data (%s)", strings.Join(tried, ", "))
	}
	return best, tried, nil
}

func printCertificate(w io.Writer, in *instance.Instance, depth int, b *built, tried []string, out string) {
	fmt.Fprintf(w, "K: %d\nN: %d\nd: %d\ndepth: %d\n", in.K(), in.N(), in.Dim(), depth)
	fmt.Fprintf(w, "construction: %s\nm: %d\n", b.name, b.Neurons)
	fmt.Fprintf(w, "m-unpruned: %d\n", b.Unpruned)
	fmt.Fprintf(w, "widths: %s\n", intsString(b.Widths))
	fmt.Fprintf(w, "bound: %s\n", paperBound(depth, in.N(), in.K()))
	fmt.Fprintf(w, "candidates: %s\n", strings.Join(tried, ", "))
	fmt.Fprintf(w, "weight-bits: %d\n", b.Net.BitSize())
	for _, n := range b.Notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
	if in.N() == 0 {
		fmt.Fprintf(w, "note: f already fits every label (N = 0): g is the zero network\n")
	}
	fmt.Fprintf(w, "rows-checked: %d\nverified: exact\ng: %s\n", b.cert.Rows, out)
}

func intsString(v []int) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = fmt.Sprint(x)
	}
	if len(s) == 0 {
		return "none"
	}
	return strings.Join(s, ",")
}
