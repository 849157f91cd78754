// Command ftload writes the K-row workload of issue 11 and runs its float64
// baseline, so that `ftcheck finetune` and `ftcheck verify` can be measured
// beside a float forward pass on the same files (docs/performance.md).
//
//	ftload gen -K 1000000 -out DIR
//	    DIR/f.json     f: 16-64-64-1, weights and biases k/1000 in [−1, 1]
//	    DIR/data.csv   N = 1000 rows x1..x16,y with y = f(x) ± 1 (to change)
//	    DIR/keep.csv   the other K − N points x1..x16 (to keep)
//	    DIR/all.csv    all K rows with their wanted labels (for verify)
//	ftload float -net g.json -base f.json -data all.csv
//	    parses all.csv with strconv.ParseFloat and evaluates f and g in
//	    float64 with gonum, batched (oracle.FloatNetwork), reading the file
//	    in blocks as verify does; prints how many rows are within 1e-9 of
//	    their label.
//
// Inputs are k/10⁴ in [−1, 1], drawn from a PCG seeded by the row index, so
// every K gives the same first rows.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/ftcheck/ftcheck/internal/workload"
	"github.com/ftcheck/ftcheck/oracle"
	"gonum.org/v1/gonum/mat"
)

const (
	dim = workload.Dim
	N   = workload.N
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: ftload gen -K K -out DIR | ftload float -net g.json -base f.json -data all.csv")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "gen":
		err = gen(os.Args[2:])
	case "float":
		err = float(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "ftload:", err)
		os.Exit(2)
	}
}

func decimal(k int) string {
	s := ""
	if k < 0 {
		s, k = "-", -k
	}
	return fmt.Sprintf("%s%d.%04d", s, k/10000, k%10000)
}

func header(label bool) string {
	h := make([]string, dim)
	for k := range h {
		h[k] = fmt.Sprintf("x%d", k+1)
	}
	if label {
		h = append(h, "y")
	}
	return strings.Join(h, ",") + "\n"
}

func gen(args []string) error {
	fs := flag.NewFlagSet("gen", flag.ExitOnError)
	K := fs.Int("K", 100000, "rows")
	out := fs.String("out", "", "directory to write into")
	fs.Parse(args)
	if *K < 2*N || *out == "" {
		return fmt.Errorf("gen: need -K ≥ %d and -out", 2*N)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	f := workload.Network()
	fj, err := os.Create(filepath.Join(*out, "f.json"))
	if err != nil {
		return err
	}
	if err := f.WriteJSON(fj); err != nil {
		return err
	}
	if err := fj.Close(); err != nil {
		return err
	}
	files := map[string]*bufio.Writer{}
	var closers []*os.File
	for _, name := range []string{"data.csv", "keep.csv", "all.csv"} {
		fh, err := os.Create(filepath.Join(*out, name))
		if err != nil {
			return err
		}
		closers = append(closers, fh)
		files[name] = bufio.NewWriterSize(fh, 1<<20)
		files[name].WriteString(header(name != "keep.csv"))
	}
	ev := oracle.NewEvaluator(f)
	step := *K / N
	const block = 4096
	for lo := 0; lo < *K; lo += block {
		hi := min(lo+block, *K)
		X := make([][]*big.Rat, 0, hi-lo)
		text := make([]string, 0, hi-lo)
		for i := lo; i < hi; i++ {
			x := workload.Row(i)
			xr := make([]*big.Rat, dim)
			s := make([]string, dim)
			for k, v := range x {
				xr[k], s[k] = big.NewRat(int64(v), 10000), decimal(v)
			}
			X, text = append(X, xr), append(text, strings.Join(s, ","))
		}
		Y := ev.EvalAll(X)
		for j, i := 0, lo; i < hi; i, j = i+1, j+1 {
			changed := i%step == 0 && i/step < N
			y := Y[j]
			if changed {
				y.Add(y, big.NewRat(int64(2*((i/step)%2)-1), 1))
				files["data.csv"].WriteString(text[j] + "," + oracle.FormatRat(y) + "\n")
			} else {
				files["keep.csv"].WriteString(text[j] + "\n")
			}
			files["all.csv"].WriteString(text[j] + "," + oracle.FormatRat(y) + "\n")
		}
	}
	for _, w := range files {
		if err := w.Flush(); err != nil {
			return err
		}
	}
	for _, fh := range closers {
		if err := fh.Close(); err != nil {
			return err
		}
	}
	return nil
}

func readNet(path string) (*oracle.FloatNetwork, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	n, err := oracle.ReadNetwork(fh, path)
	if err != nil {
		return nil, err
	}
	return oracle.NewFloat(n), nil
}

// parseLabel reads a label written as an integer, a decimal or a/b.
func parseLabel(s string) (float64, error) {
	if a, b, ok := strings.Cut(s, "/"); ok {
		p, err1 := strconv.ParseFloat(a, 64)
		q, err2 := strconv.ParseFloat(b, 64)
		if err1 != nil || err2 != nil {
			return 0, fmt.Errorf("bad label %q", s)
		}
		return p / q, nil
	}
	return strconv.ParseFloat(s, 64)
}

func float(args []string) error {
	fs := flag.NewFlagSet("float", flag.ExitOnError)
	gPath := fs.String("net", "", "g")
	fPath := fs.String("base", "", "f")
	dataPath := fs.String("data", "", "rows x1..xd,y")
	fs.Parse(args)
	g, err := readNet(*gPath)
	if err != nil {
		return err
	}
	f, err := readNet(*fPath)
	if err != nil {
		return err
	}
	fh, err := os.Open(*dataPath)
	if err != nil {
		return err
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	sc.Scan() // header
	const block = 4096
	X := mat.NewDense(block, dim, nil)
	Y := make([]float64, block)
	rows, close := 0, 0
	flush := func(n int) {
		if n == 0 {
			return
		}
		x := X.Slice(0, n, 0, dim).(*mat.Dense)
		fy, gy := f.EvalBatch(x), g.EvalBatch(x)
		for i := 0; i < n; i++ {
			if math.Abs(fy[i]+gy[i]-Y[i]) <= 1e-9 {
				close++
			}
		}
		rows += n
	}
	n := 0
	for sc.Scan() {
		fields := strings.Split(sc.Text(), ",")
		if len(fields) != dim+1 {
			return fmt.Errorf("%s: row %d has %d fields", *dataPath, rows+n+1, len(fields))
		}
		for k := 0; k < dim; k++ {
			v, err := strconv.ParseFloat(fields[k], 64)
			if err != nil {
				return err
			}
			X.Set(n, k, v)
		}
		if Y[n], err = parseLabel(fields[dim]); err != nil {
			return err
		}
		if n++; n == block {
			flush(n)
			n = 0
		}
	}
	flush(n)
	if err := sc.Err(); err != nil {
		return err
	}
	fmt.Printf("rows: %d\nwithin-1e-9: %d\n", rows, close)
	return nil
}
