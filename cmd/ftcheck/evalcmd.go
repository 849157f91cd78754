package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"github.com/ftcheck/ftcheck/oracle"
)

func init() {
	register("eval", "exact outputs of a network, one per data row", runEval)
	register("verify", "exit 0 iff g (or f+g) hits every row's label exactly", runVerify)
}

func runEval(stdout, stderr io.Writer, args []string) error {
	fs := newFlags("eval", "-net g.json -data pts.csv", stderr)
	netPath := fs.String("net", "", "network `file` (JSON)")
	dataPath := fs.String("data", "", "data `file` (CSV, header x1,…,xd,y)")
	if help, err := parseFlags(fs, args, false); help || err != nil {
		return err
	}
	n, err := readNetworkFile(*netPath)
	if err != nil {
		return err
	}
	d, err := readDataFile(*dataPath)
	if err != nil {
		return err
	}
	if err := checkDims(*netPath, n, *dataPath, d); err != nil {
		return err
	}
	w := bufio.NewWriter(stdout)
	for _, v := range oracle.NewEvaluator(n).EvalAll(d.X) {
		fmt.Fprintln(w, oracle.FormatRat(v))
	}
	return w.Flush()
}

func runVerify(stdout, stderr io.Writer, args []string) error {
	fs := newFlags("verify", "-net g.json -data pts.csv [-base f.json]", stderr)
	netPath := fs.String("net", "", "network `file` g (JSON)")
	dataPath := fs.String("data", "", "data `file` (CSV); the last column is the label")
	basePath := fs.String("base", "", "optional frozen network `file` f: check f+g")
	if help, err := parseFlags(fs, args, false); help || err != nil {
		return err
	}
	g, err := readNetworkFile(*netPath)
	if err != nil {
		return err
	}
	d, err := readDataFile(*dataPath)
	if err != nil {
		return err
	}
	if err := checkDims(*netPath, g, *dataPath, d); err != nil {
		return err
	}
	var f *oracle.Network
	if *basePath != "" {
		if f, err = readNetworkFile(*basePath); err != nil {
			return err
		}
		if err := checkDims(*basePath, f, *dataPath, d); err != nil {
			return err
		}
	}
	cert, err := oracle.Verify(g, f, d.X, d.Y)
	var mm *oracle.Mismatch
	if errors.As(err, &mm) {
		fmt.Fprintf(stdout, "verified: no\nfailing-row: %d\ngot: %s\nwant: %s\n", mm.Row, oracle.FormatRat(mm.Got), oracle.FormatRat(mm.Want))
		return failed("%s: row %d (line %d): got %s, want %s", *dataPath, mm.Row, d.Line(mm.Row), oracle.FormatRat(mm.Got), oracle.FormatRat(mm.Want))
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "verified: exact\nrows: %d\nmethod: %s\n", cert.Rows, cert.Method)
	return nil
}
