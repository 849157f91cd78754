package main

// Hostile input, end to end: every row of the input table of the "hostile
// input" issue and every class of SPEC.md §4, each run through run() as main
// runs it. Each case asserts the exit code, a message, no panic (runFtcheck
// fails on one), no file written or left behind in the output directory
// unless the case writes one, and a time bound: every input here is under
// 4 KB (or generated to test streaming) and finishes in seconds or is
// refused.

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// hostileBound is the wall-clock bound of one case (generous: the machine
// may be shared; the inputs are refused or done in well under a second).
const hostileBound = 20 * time.Second

type hostileCase struct {
	name  string
	files map[string]string // written to the case's directory; $D in args is that directory
	args  []string
	code  int
	want  []string // substrings of stdout+stderr
	wrote []string // files the run must leave in $D/out (nothing else)
}

func f2json() string {
	return `{"layers": [{"W": [["1", "0"]], "b": ["0"]}, {"W": [["1"]], "b": ["0"]}]}`
}

// deepNet is a network of n width-1 layers of weight w.
func deepNet(n int, w string) string {
	l := make([]string, n)
	for i := range l {
		l[i] = fmt.Sprintf(`{"W": [["%s"]], "b": ["0"]}`, w)
	}
	return `{"layers": [` + strings.Join(l, ",\n") + `]}`
}

func pathoCSV() string {
	var b strings.Builder
	b.WriteString("x1,x2,y\n")
	for i := 0; i < 30; i++ {
		fmt.Fprintf(&b, "%de-%d,%de%d,-%de%d\n", 1+i%9, 99990+i%7, 1+i%5, 99991+i%3, 2+i%7, 99992+i%5)
	}
	return b.String()
}

func mstarLine(K int) string {
	var b strings.Builder
	b.WriteString("x1,z\n")
	v := 0
	for i := 0; i < K; i++ {
		fmt.Fprintf(&b, "%d,%d\n", i, v)
		switch {
		case i < K*3/10:
			v++
		case i < K*6/10:
			v--
		case i < K*8/10:
			v += 2
		default:
			v -= 3
		}
	}
	return b.String()
}

func hostileCases() []hostileCase {
	net := `{"layers": [{"W": [["1"]], "b": ["0"]}]}`
	return []hostileCase{
		// The table.
		{name: "pathological finetune CSV", files: map[string]string{"f.json": f2json(), "d.csv": pathoCSV()},
			args: []string{"finetune", "-net", "$D/f.json", "-data", "$D/d.csv", "-out", "$D/out/g.json"}, code: 2, want: []string{"d.csv:2:1:", "max-digits = 10000", "raise it with -max-digits"}},
		{name: "pathological CSV under the digit limit", files: map[string]string{"f.json": f2json(), "d.csv": strings.ReplaceAll(strings.ReplaceAll(pathoCSV(), "e-999", "e-9"), "e999", "e9")},
			args: []string{"finetune", "-net", "$D/f.json", "-data", "$D/d.csv", "-out", "$D/out/g.json"}, code: 2, want: []string{"max-data-cost", "raise it with -max-data-cost"}},
		{name: "mstar K=1000 few breakpoints", files: map[string]string{"d.csv": mstarLine(1000)},
			args: []string{"mstar", "-data", "$D/d.csv"}, code: 0, want: []string{"min-breakpoints: 3", "2-layer m*: [3, 4]"}},
		{name: "40 layers of 1e-100000", files: map[string]string{"n.json": deepNet(40, "1e-100000"), "d.csv": "x1,y\n1,0\n"},
			args: []string{"eval", "-net", "$D/n.json", "-data", "$D/d.csv"}, code: 2, want: []string{"n.json:1:", "max-digits"}},
		{name: "40 layers of 1e-3000", files: map[string]string{"n.json": deepNet(40, "1e-3000"), "d.csv": "x1,y\n1,0\n"},
			args: []string{"eval", "-net", "$D/n.json", "-data", "$D/d.csv"}, code: 2, want: []string{"n.json: layers[", "max-bits = 131072", "raise it with -max-bits"}},
		{name: "a number of 10⁶ digits", files: map[string]string{"n.json": net, "d.csv": "x1,y\n" + strings.Repeat("7", 1000000) + ",0\n"},
			args: []string{"eval", "-net", "$D/n.json", "-data", "$D/d.csv"}, code: 2, want: []string{"d.csv:2", "max-digits"}},
		{name: "witness K = MaxInt64", args: []string{"witness", "-N", "1", "-K", "9223372036854775807"}, code: 2, want: []string{"between 3 and 1000000", "max-K"}},
		{name: "witness K = 10⁹", args: []string{"witness", "-N", "1", "-K", "1000000000"}, code: 2, want: []string{"between 3 and 1000000"}},
		{name: "finetune -h", args: []string{"finetune", "-h"}, code: 0, want: []string{"-max-digits", "(default 10000)", "-max-bits", "-out", `(default "g.json")`}},
		{name: "eval -h", args: []string{"eval", "-h"}, code: 0, want: []string{"-max-bits", "(default 131072)"}},
		{name: "witness -h", args: []string{"witness", "-h"}, code: 0, want: []string{"-max-K", "(default 1000000)"}},
		{name: "z header to finetune", files: map[string]string{"f.json": f2json(), "d.csv": "x1,x2,z\n0,0,1\n1,0,0\n2,0,1\n"},
			args: []string{"finetune", "-net", "$D/f.json", "-data", "$D/d.csv", "-out", "$D/out/g.json"}, code: 2, want: []string{"header's last column is z", "finetune needs y"}},
		{name: "y header to mstar", files: map[string]string{"d.csv": "x1,y\n0,0\n1,1\n2,0\n"},
			args: []string{"mstar", "-data", "$D/d.csv"}, code: 2, want: []string{"header's last column is y", "mstar needs z"}},
		{name: "z header to verify -base", files: map[string]string{"n.json": net, "d.csv": "x1,z\n0,0\n"},
			args: []string{"verify", "-net", "$D/n.json", "-base", "$D/n.json", "-data", "$D/d.csv"}, code: 2, want: []string{"verify -base needs y"}},
		{name: "JSON key Layers", files: map[string]string{"n.json": `{"Layers": [{"W": [["1"]], "b": ["0"]}]}`, "d.csv": "x1,y\n0,0\n"},
			args: []string{"eval", "-net", "$D/n.json", "-data", "$D/d.csv"}, code: 2, want: []string{`n.json:1:2: unknown key "Layers"`}},
		{name: "JSON key w", files: map[string]string{"n.json": `{"layers": [{"w": [["1"]], "b": ["0"]}]}`, "d.csv": "x1,y\n0,0\n"},
			args: []string{"eval", "-net", "$D/n.json", "-data", "$D/d.csv"}, code: 2, want: []string{`n.json:1:14: layers[0]: unknown key "w"`}},
		{name: "JSON unknown key", files: map[string]string{"n.json": `{"layers": [{"W": [["1"]], "b": ["0"]}], "act": "relu"}`, "d.csv": "x1,y\n0,0\n"},
			args: []string{"eval", "-net", "$D/n.json", "-data", "$D/d.csv"}, code: 2, want: []string{`n.json:1:42: unknown key "act"`}},
		{name: "JSON key twice", files: map[string]string{"n.json": `{"layers": [{"W": [["1"]], "b": ["0"], "b": ["1"]}]}`, "d.csv": "x1,y\n0,0\n"},
			args: []string{"eval", "-net", "$D/n.json", "-data", "$D/d.csv"}, code: 2, want: []string{`n.json:1:40: key "b" given twice`}},
		{name: "timeout -1s", args: []string{"report", "-timeout", "-1s", "-out", "$D/out"}, code: 2, want: []string{"-timeout must be 0 (none) or positive"}},
		{name: "report -out unwritable", files: map[string]string{"file": "x"},
			args: []string{"report", "-out", "$D/file/sub"}, code: 2, want: []string{"report: -out", "cannot create"}},
		{name: "finetune -out empty", files: map[string]string{"f.json": f2json(), "d.csv": "x1,x2,y\n0,0,1\n"},
			args: []string{"finetune", "-net", "$D/f.json", "-data", "$D/d.csv", "-out", ""}, code: 2, want: []string{"output file name is empty"}},
		{name: "finetune -out a directory", files: map[string]string{"f.json": f2json(), "d.csv": "x1,x2,y\n0,0,1\n1,0,0\n2,0,1\n"},
			args: []string{"finetune", "-net", "$D/f.json", "-data", "$D/d.csv", "-out", "$D/out"}, code: 2, want: []string{"out is a directory"}},
		{name: "finetune -out in a missing directory", files: map[string]string{"f.json": f2json(), "d.csv": "x1,x2,y\n0,0,1\n1,0,0\n2,0,1\n"},
			args: []string{"finetune", "-net", "$D/f.json", "-data", "$D/d.csv", "-out", "$D/out/no/g.json"}, code: 2, want: []string{"cannot write in"}},
		{name: "negative limit", files: map[string]string{"n.json": net, "d.csv": "x1,y\n0,0\n"},
			args: []string{"eval", "-net", "$D/n.json", "-data", "$D/d.csv", "-max-bits", "-1"}, code: 2, want: []string{"limits are 0 (none) or positive"}},

		// SPEC.md §4.
		{name: "duplicate x", files: map[string]string{"f.json": f2json(), "d.csv": "x1,x2,y\n0,0,1\n1,2,0\n0,0,2\n"},
			args: []string{"finetune", "-net", "$D/f.json", "-data", "$D/d.csv", "-out", "$D/out/g.json"}, code: 2, want: []string{"rows 1 and 3"}},
		{name: "K < 3", files: map[string]string{"d.csv": "x1,z\n0,1\n1,0\n"},
			args: []string{"mstar", "-data", "$D/d.csv"}, code: 0, want: []string{"K: 2"}},
		{name: "N > K", args: []string{"witness", "-N", "5", "-K", "3"}, code: 2, want: []string{"N"}},
		{name: "empty T", files: map[string]string{"f.json": f2json(), "d.csv": "x1,x2,y\n0,0,0\n1,0,1\n2,5,2\n"},
			args: []string{"finetune", "-net", "$D/f.json", "-data", "$D/d.csv", "-out", "$D/out/g.json"}, code: 0, want: []string{"N: 0", "verified: exact"}, wrote: []string{"g.json"}},
		{name: "dimension mismatch", files: map[string]string{"f.json": f2json(), "d.csv": "x1,y\n0,0\n"},
			args: []string{"finetune", "-net", "$D/f.json", "-data", "$D/d.csv", "-out", "$D/out/g.json"}, code: 2, want: []string{"takes 2 inputs"}},
		{name: "NaN", files: map[string]string{"n.json": net, "d.csv": "x1,y\n0,0\nNaN,1\n"},
			args: []string{"eval", "-net", "$D/n.json", "-data", "$D/d.csv"}, code: 2, want: []string{"d.csv:3:1:", "not a finite number"}},
		{name: "Inf in a network", files: map[string]string{"n.json": `{"layers": [{"W": [["Inf"]], "b": ["0"]}]}`, "d.csv": "x1,y\n0,0\n"},
			args: []string{"eval", "-net", "$D/n.json", "-data", "$D/d.csv"}, code: 2, want: []string{"n.json:1:21:", "layers[0].W[0][0]"}},
		{name: "unparsable", files: map[string]string{"n.json": net, "d.csv": "x1,y\n0,0x1\n"},
			args: []string{"eval", "-net", "$D/n.json", "-data", "$D/d.csv"}, code: 2, want: []string{"d.csv:2:3:", "not a number"}},
		{name: "huge numerators and denominators", files: map[string]string{"f.json": f2json(), "d.csv": "x1,x2,y\n0,0,1\n1/" + strings.Repeat("9", 2000) + ",0,0\n2,0,1\n"},
			args: []string{"finetune", "-net", "$D/f.json", "-data", "$D/d.csv", "-out", "$D/out/g.json"}, code: 0, want: []string{"verified: exact"}, wrote: []string{"g.json"}},
		{name: "z outside [-1, 1] at depth 3", files: map[string]string{"f.json": f2json(), "d.csv": "x1,x2,y\n0,0,5\n1,0,-7\n2,0,1\n3,0,3\n"},
			args: []string{"finetune", "-depth", "3", "-net", "$D/f.json", "-data", "$D/d.csv", "-out", "$D/out/g.json"}, code: 0, want: []string{"verified: exact"}, wrote: []string{"g.json"}},
		{name: "projection collides points", files: map[string]string{"f.json": f2json(), "d.csv": "x1,x2,y\n0,0,1\n0,1,0\n1,0,1\n1,1,0\n"},
			args: []string{"finetune", "-net", "$D/f.json", "-data", "$D/d.csv", "-out", "$D/out/g.json"}, code: 0, want: []string{"verified: exact"}, wrote: []string{"g.json"}},
		{name: "truncated network", files: map[string]string{"n.json": `{"layers": [{"W": [["1"]]`, "d.csv": "x1,y\n0,0\n"},
			args: []string{"eval", "-net", "$D/n.json", "-data", "$D/d.csv"}, code: 2, want: []string{"unexpected end of file"}},
	}
}

// TestHostileInput runs every case of hostileCases.
func TestHostileInput(t *testing.T) {
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out")
			if err := os.Mkdir(out, 0o755); err != nil {
				t.Fatal(err)
			}
			for name, content := range c.files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			args := make([]string, len(c.args))
			for i, a := range c.args {
				args[i] = strings.ReplaceAll(a, "$D", dir)
			}
			start := time.Now()
			r := runFtcheck(t, args...)
			if el := time.Since(start); el > hostileBound {
				t.Errorf("took %s", el)
			}
			all := r.Stdout + r.Stderr
			if r.Code != c.code {
				t.Fatalf("exit %d, want %d\n%s", r.Code, c.code, all)
			}
			for _, w := range c.want {
				if !strings.Contains(all, w) {
					t.Errorf("output lacks %q:\n%s", w, all)
				}
			}
			if r.Code != 0 && r.Code != 1 && !strings.HasPrefix(r.Stderr, "ftcheck: ") && !strings.Contains(r.Stderr, "\nftcheck: ") {
				t.Errorf("error not prefixed ftcheck: %q", r.Stderr)
			}
			assertOnly(t, out, c.wrote)
		})
	}
}

// assertOnly checks that dir holds exactly the named files (no partial,
// temporary or stray file).
func assertOnly(t *testing.T, dir string, names []string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("%s holds %v, want %v", dir, got, names)
	}
}
