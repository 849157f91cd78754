//go:build unix

package main

// Fuzz targets for the commands end to end, through run() as main runs it:
// whatever the bytes of the network and data files (under 4 KB), the
// command never panics, exits 0, 1 or 2, prefixes its errors, leaves no
// stray file, never claims "verified" falsely (checked again with the slow
// reference Eval), and finishes within fuzzCPUBound of CPU time, which the
// fuzzer treats as a failure when exceeded. The seeds run in every `go
// test`; fuzz one target with
//
//	go test -run XXX -fuzz FuzzFinetune -fuzztime 3m ./cmd/ftcheck/

import (
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ftcheck/ftcheck/oracle"
)

// fuzzCPUBound is the most CPU time one small input may cost.
const fuzzCPUBound = 5 * time.Second

// fuzzMaxInput is the size of input a fuzz case runs (larger ones are
// skipped: the promise is about small inputs).
const fuzzMaxInput = 4096

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

var fuzzNets = []string{
	`{"layers": [{"W": [["1", "-2/3"], ["0", "5"]], "b": ["0", "1/2"]}, {"W": [["3", "-1"]], "b": ["-7"]}]}`,
	`{"layers": [{"W": [["1"]], "b": ["0"]}, {"W": [["2"]], "b": ["1"]}]}`,
	`{"layers": [{"W": [[1.5]], "b": [0]}]}`,
	`{"layers": [{"W": [["1e-300"]], "b": ["0"]}, {"W": [["1e-300"]], "b": ["0"]}, {"W": [["1e300"]], "b": ["0"]}]}`,
	`{"layers": [{"W": [["1"]], "b": ["0"]}], "layers": []}`,
}

var fuzzData = []string{
	"x1,x2,y\n3,3,-39/2\n0,0,-15/2\n1,2,0\n", "x1,y\n0,1\n1,0\n2,1\n3,0\n4,2\n", "x1,z\n0,1\n1,-1\n2,0\n3,1/2\n",
	"x1,y\n7e-100000,3e100000\n", "x1,y\n1e-99,1e99\n2e-98,1\n3,1e-97\n", "x1,z\n0,0\n0,1\n", "x1,y\n1,NaN\n",
}

// runFuzzCase runs ftcheck with the files written to a fresh directory and
// checks the promises every command keeps; it returns the result.
func runFuzzCase(t *testing.T, net, data string, args func(dir string) []string) (cliResult, string) {
	if len(net)+len(data) > fuzzMaxInput {
		t.Skip("larger than a small input")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "n.json"), []byte(net), 0o644)
	os.WriteFile(filepath.Join(dir, "d.csv"), []byte(data), 0o644)
	out := filepath.Join(dir, "out")
	os.Mkdir(out, 0o755)
	start, wall := cpuTime(), time.Now()
	r := runFtcheck(t, args(dir)...)
	if c := cpuTime() - start; c > fuzzCPUBound {
		t.Fatalf("%v: %s of CPU (%s wall) on %d bytes of input", args(dir)[0], c, time.Since(wall), len(net)+len(data))
	}
	if r.Code < 0 || r.Code > 2 {
		t.Fatalf("exit %d\n%s", r.Code, r.Stderr)
	}
	if r.Code == 2 && !strings.HasPrefix(r.Stderr, "ftcheck: ") {
		t.Fatalf("unprefixed error %q", r.Stderr)
	}
	ents, _ := os.ReadDir(out)
	for _, e := range ents {
		if e.Name() != "g.json" || r.Code != 0 {
			t.Fatalf("left %s in the output directory (exit %d)", e.Name(), r.Code)
		}
	}
	return r, dir
}

// checkExact re-verifies with the slow reference Eval that (f+g)(x) = label
// on every row of the data file.
func checkExact(t *testing.T, gPath, fPath, dataPath string) {
	read := func(p string) *oracle.Network {
		f, _ := os.Open(p)
		defer f.Close()
		n, err := oracle.ReadNetworkLimits(f, p, oracle.Limits{})
		if err != nil {
			t.Fatalf("re-reading %s: %v", p, err)
		}
		return n
	}
	g := read(gPath)
	var fnet *oracle.Network
	if fPath != "" {
		fnet = read(fPath)
	}
	df, _ := os.Open(dataPath)
	defer df.Close()
	d, err := oracle.ReadDataLimits(csvIn(df, dataPath), dataPath, oracle.Limits{}) // as the command reads it
	if err != nil {
		t.Fatalf("re-reading the data: %v", err)
	}
	for i, x := range d.X {
		got := g.Eval(x)
		if fnet != nil {
			got = new(big.Rat).Add(got, fnet.Eval(x))
		}
		if got.Cmp(d.Y[i]) != 0 {
			t.Fatalf("said verified, but row %d gives %s, want %s", i+1, got.RatString(), d.Y[i].RatString())
		}
	}
}

func addSeeds(f *testing.F) {
	for _, n := range fuzzNets {
		for _, d := range fuzzData {
			f.Add(n, d)
		}
	}
}

// FuzzFinetune: finetune on any small files keeps the promises, and a g it
// writes fits the data exactly with f.
func FuzzFinetune(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, net, data string) {
		for _, depth := range []string{"2", "3"} {
			r, dir := runFuzzCase(t, net, data, func(dir string) []string {
				return []string{"finetune", "-depth", depth, "-net", filepath.Join(dir, "n.json"), "-data", filepath.Join(dir, "d.csv"), "-out", filepath.Join(dir, "out", "g.json")}
			})
			if r.Code == 0 {
				checkExact(t, filepath.Join(dir, "out", "g.json"), filepath.Join(dir, "n.json"), filepath.Join(dir, "d.csv"))
			}
		}
	})
}

// FuzzMstar: mstar on any small data keeps the promises; its intervals are
// ordered.
func FuzzMstar(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, _, data string) {
		r, _ := runFuzzCase(t, "", data, func(dir string) []string {
			return []string{"mstar", "-data", filepath.Join(dir, "d.csv")}
		})
		if r.Code == 1 {
			t.Fatalf("mstar exits 1:\n%s", r.Stderr)
		}
	})
}

// FuzzEval: eval on any small files keeps the promises and prints one line
// per row when it succeeds.
func FuzzEval(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, net, data string) {
		r, _ := runFuzzCase(t, net, data, func(dir string) []string {
			return []string{"eval", "-net", filepath.Join(dir, "n.json"), "-data", filepath.Join(dir, "d.csv")}
		})
		if r.Code == 1 {
			t.Fatalf("eval exits 1:\n%s", r.Stderr)
		}
	})
}

// FuzzVerify: verify on any small files keeps the promises, and "verified:
// exact" is true by the reference Eval.
func FuzzVerify(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, net, data string) {
		r, dir := runFuzzCase(t, net, data, func(dir string) []string {
			return []string{"verify", "-net", filepath.Join(dir, "n.json"), "-data", filepath.Join(dir, "d.csv")}
		})
		if r.Code == 0 {
			if !strings.Contains(r.Stdout, "verified: exact") {
				t.Fatalf("exit 0 without a verdict:\n%s", r.Stdout)
			}
			checkExact(t, filepath.Join(dir, "n.json"), "", filepath.Join(dir, "d.csv"))
		}
	})
}
