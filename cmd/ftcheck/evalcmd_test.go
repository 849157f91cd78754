package main

// Tests of `ftcheck eval` and `ftcheck verify` on files written by hand:
// exact outputs (derived by hand in the comments), the verdicts and their
// exit codes, a planted wrong weight, and bad input.

import (
	"strings"
	"testing"
)

// testdata/interp.json is the interpolant, built by hand, through the points
// (t, z) = (0, 2), (1, −1), (2, 1/2), (3, 1), (4, 0): slopes −3, 3/2, 1/2, −1,
// so g(t) = 2 − 3σ(t) + (9/2)σ(t−1) − σ(t−2) − (3/2)σ(t−3). testdata/interp.csv
// lists the points in the file order t = 3, 1, 4, 0, 2.

// TestEvalInterpolant: eval prints g at every row, in row order, exactly.
func TestEvalInterpolant(t *testing.T) {
	r := runFtcheck(t, "eval", "-net", "testdata/interp.json", "-data", "testdata/interp.csv")
	if r.Code != 0 || r.Stdout != "1\n-1\n0\n2\n1/2\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.Code, r.Stdout, r.Stderr)
	}
}

// TestEvalReadmeNetwork: the network of INTERFACE.md,
// g(x) = 3σ(x1 − 2x2/3) − σ(5x2 + 1/2) − 7, by hand: g(3, 3) = 3·1 − 31/2 − 7
// = −39/2; g(0, 0) = −1/2 − 7 = −15/2; g(3/2, −1) = 3·13/6 − 0 − 7 = −1/2.
// Its first layer has rank two, so this is the layer-by-layer path.
func TestEvalReadmeNetwork(t *testing.T) {
	r := runFtcheck(t, "eval", "-net", "testdata/readme.json", "-data", "testdata/readme.csv")
	if r.Code != 0 || r.Stdout != "-39/2\n-15/2\n-1/2\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.Code, r.Stdout, r.Stderr)
	}
	r = runFtcheck(t, "verify", "-net", "testdata/readme.json", "-data", "testdata/readme.csv")
	if r.Code != 0 || !strings.Contains(r.Stdout, "verified: exact\nrows: 3\nmethod: exact (layer by layer)") {
		t.Fatalf("verify: exit %d, stdout %q, stderr %q", r.Code, r.Stdout, r.Stderr)
	}
}

// TestVerifyInterpolant: verify certifies g on its own points (1-D path), and
// f + g with f(t) = σ(t) on labels y = z + σ(t) = 4, 0, 4, 2, 5/2 (written as
// 4, 1.0, 4e0, 0, 2.5 … read exactly).
func TestVerifyInterpolant(t *testing.T) {
	r := runFtcheck(t, "verify", "-net", "testdata/interp.json", "-data", "testdata/interp.csv")
	if r.Code != 0 || r.Stdout != "verified: exact\nrows: 5\nmethod: exact (1-D lookup)\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.Code, r.Stdout, r.Stderr)
	}
	r = runFtcheck(t, "verify", "-net", "testdata/interp.json", "-base", "testdata/base.json", "-data", "testdata/labels.csv")
	if r.Code != 0 || !strings.HasPrefix(r.Stdout, "verified: exact\nrows: 5\n") {
		t.Fatalf("with -base: exit %d, stdout %q, stderr %q", r.Code, r.Stdout, r.Stderr)
	}
}

// TestVerifyPlantedWeight tests the checker: interp_planted.json is
// interp.json with the outgoing weight of σ(t − 3) off by 1/10⁹ (−3/2 →
// −1499999999/1000000000). Only t = 4 lies right of that kink, so the first
// (and only) failing row is row 3 of the file (line 4), where g = 0 + 1/10⁹;
// with the base f(t) = σ(t) it is 4 + 1/10⁹.
func TestVerifyPlantedWeight(t *testing.T) {
	r := runFtcheck(t, "verify", "-net", "testdata/interp_planted.json", "-data", "testdata/interp.csv")
	want := "verified: no\nfailing-row: 3\ngot: 1/1000000000\nwant: 0\n"
	if r.Code != 1 || r.Stdout != want || !strings.HasPrefix(r.Stderr, "ftcheck: testdata/interp.csv: row 3 (line 4)") {
		t.Fatalf("exit %d, stdout %q, stderr %q; want exit 1 and %q", r.Code, r.Stdout, r.Stderr, want)
	}
	r = runFtcheck(t, "verify", "-net", "testdata/interp_planted.json", "-base", "testdata/base.json", "-data", "testdata/labels.csv")
	if r.Code != 1 || !strings.Contains(r.Stdout, "failing-row: 3\ngot: 4000000001/1000000000\nwant: 4\n") {
		t.Fatalf("with -base: exit %d, stdout %q, stderr %q", r.Code, r.Stdout, r.Stderr)
	}
}

// TestEvalVerifyBadInput: every kind of bad input exits 2 with one error on
// stderr, prefixed "ftcheck: " and naming the file and where in it, prints
// nothing on stdout, and does not panic.
func TestEvalVerifyBadInput(t *testing.T) {
	net1 := `{"layers": [{"W": [["1"]], "b": ["0"]}, {"W": [["1"]], "b": ["0"]}]}`
	data1 := "x1,y\n1,1\n"
	cases := []struct {
		name      string
		net, data string   // file contents ("" = use a valid one)
		extra     []string // more arguments
		want      []string // substrings of stderr
		flagErr   bool     // the flag package's message, not an ftcheck: error
	}{
		{name: "malformed JSON", net: "{\"layers\": [\n{\"W\": [[\"1\"]], \"b\": [\"0\"]\n", want: []string{"net.json", "unexpected end"}},
		{name: "JSON syntax", net: "{\"layers\": [\n  {\"W\": [[\"1\"]] \"b\": [\"0\"]}]}", want: []string{"net.json:2:"}},
		{name: "ragged W", net: `{"layers": [{"W": [["1"], ["1", "2"]], "b": ["0", "0"]}, {"W": [["1", "1"]], "b": ["0"]}]}`, want: []string{"net.json", "layer 0", "row 1"}},
		{name: "wrong b length", net: `{"layers": [{"W": [["1"], ["2"]], "b": ["0"]}, {"W": [["1", "1"]], "b": ["0"]}]}`, want: []string{"net.json", "layer 0", "b has 1"}},
		{name: "NaN weight", net: "{\"layers\": [\n{\"W\": [[\"NaN\"]], \"b\": [\"0\"]}]}", want: []string{"net.json:2:", "layers[0].W[0][0]"}},
		{name: "Inf bias", net: `{"layers": [{"W": [["1"]], "b": [" Inf"]}]}`, want: []string{"net.json:1:", "layers[0].b[0]"}},
		{name: "huge exponent", net: `{"layers": [{"W": [["1e1000001"]], "b": ["0"]}]}`, want: []string{"net.json:1:", "exponent"}},
		{name: "empty network file", net: " ", want: []string{"net.json: empty file"}},
		{name: "empty data file", data: " \n", want: []string{"data.csv: empty file"}},
		{name: "missing y column", data: "x1\n1\n", want: []string{"data.csv:1:", "header needs"}},
		{name: "missing y, 2-D", net: `{"layers": [{"W": [["1", "1"]], "b": ["0"]}]}`, data: "x1,x2\n1,2\n", want: []string{"data.csv:1:", "label column y"}},
		{name: "NaN in data", data: "x1,y\n1,1\n2,nan\n", want: []string{"data.csv:3:3:", "finite"}},
		{name: "unparsable in data", data: "x1,y\n1,1\n1/0,2\n", want: []string{"data.csv:3:1:", "zero denominator"}},
		{name: "ragged data", data: "x1,y\n1,1\n2\n", want: []string{"data.csv:3:", "1 fields"}},
		{name: "dimension mismatch", data: "x1,x2,y\n1,2,3\n", want: []string{"net.json", "1 inputs", "data.csv", "2 columns"}},
		{name: "base dimension mismatch", extra: []string{"-base", "BASE2D"}, want: []string{"base.json", "2 inputs", "data.csv"}},
		{name: "missing file", extra: []string{"-data", "/nonexistent/x.csv"}, want: []string{"/nonexistent/x.csv"}},
		// The flag package prints its own message (Go CLI habit) before the
		// usage, so this one error is not prefixed "ftcheck: ".
		{name: "unknown flag", extra: []string{"-frobnicate"}, want: []string{"flag provided but not defined: -frobnicate"}, flagErr: true},
	}
	for _, c := range cases {
		for _, cmd := range []string{"eval", "verify"} {
			if cmd == "eval" && len(c.extra) > 0 && c.extra[0] == "-base" {
				continue
			}
			t.Run(cmd+"/"+c.name, func(t *testing.T) {
				net, data := or(c.net, net1), or(c.data, data1)
				args := []string{cmd, "-net", writeTemp(t, "net.json", net), "-data", writeTemp(t, "data.csv", data)}
				for _, a := range c.extra {
					if a == "BASE2D" {
						a = writeTemp(t, "base.json", `{"layers": [{"W": [["1", "1"]], "b": ["0"]}]}`)
					}
					args = append(args, a)
				}
				r := runFtcheck(t, args...)
				if r.Code != 2 || r.Stdout != "" || (!c.flagErr && !strings.HasPrefix(r.Stderr, "ftcheck: ")) {
					t.Fatalf("exit %d, stdout %q, stderr %q; want exit 2, no output, an ftcheck: error", r.Code, r.Stdout, r.Stderr)
				}
				for _, w := range c.want {
					if !strings.Contains(r.Stderr, w) {
						t.Errorf("stderr %q does not contain %q", r.Stderr, w)
					}
				}
			})
		}
	}
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// TestEvalVerifyUsage: -h prints usage and succeeds; a missing -net is a
// usage error (exit 2).
func TestEvalVerifyUsage(t *testing.T) {
	for _, cmd := range []string{"eval", "verify"} {
		if r := runFtcheck(t, cmd, "-h"); r.Code != 0 || !strings.Contains(r.Stderr, "usage: ftcheck "+cmd) {
			t.Errorf("%s -h: exit %d, stderr %q", cmd, r.Code, r.Stderr)
		}
		if r := runFtcheck(t, cmd, "-data", "testdata/interp.csv"); r.Code != 2 || !strings.Contains(r.Stderr, "ftcheck: missing -net") {
			t.Errorf("%s without -net: exit %d, stderr %q", cmd, r.Code, r.Stderr)
		}
		if r := runFtcheck(t, cmd, "-net", "testdata/interp.json", "-data", "testdata/interp.csv", "extra"); r.Code != 2 {
			t.Errorf("%s with a stray argument: exit %d, stderr %q", cmd, r.Code, r.Stderr)
		}
	}
}

// TestVerifyNamesSourceLine: the failing row's line counts blank lines (row 3
// of this file is on line 6).
func TestVerifyNamesSourceLine(t *testing.T) {
	data := writeTemp(t, "blank.csv", "x1,z\n\n3,1\n1,-1\n\n4,0\n")
	r := runFtcheck(t, "verify", "-net", "testdata/interp_planted.json", "-data", data)
	if r.Code != 1 || !strings.Contains(r.Stderr, "row 3 (line 6)") {
		t.Fatalf("exit %d, stderr %q", r.Code, r.Stderr)
	}
}
