package main

// CSV dialects on the command line: files written by pandas (an index
// column) and by Excel (a UTF-8 byte order mark, CR LF) are read as the
// plain files they stand for, by every command that reads CSV; doubtful
// ones exit 2 naming the file and line, with the fix, and write nothing.

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/modelio"
	"github.com/ftcheck/ftcheck/oracle"
)

// The 1-D data of testdata/labels.csv (labels of f+g for base.json) in
// three dialects.
const (
	labelsPlain  = "x1,y\n3,4\n1.0,0\n4e0,4\n0,2\n2,2.5\n"
	labelsPandas = ",x1,y\n0,3,4\n1,1.0,0\n2,4e0,4\n3,0,2\n4,2,2.5\n"
	labelsExcel  = "\xef\xbb\xbfx1,y\r\n3,4\r\n1.0,0\r\n4e0,4\r\n0,2\r\n2,2.5\r\n"
	// pointsPandas are points to keep, from pandas by way of Excel.
	pointsPandas = "\xef\xbb\xbfUnnamed: 0,x1\r\n0,5\r\n1,6\r\n"
	pointsPlain  = "x1\n5\n6\n"
)

// TestCSVDialectsAccepted: finetune (with -keep and -heldout), eval and
// verify give on a pandas or Excel file exactly what they give on the plain
// file.
func TestCSVDialectsAccepted(t *testing.T) {
	base := "testdata/base.json"
	run := func(data, points string) []string {
		dir := t.TempDir()
		d := filepath.Join(dir, "d.csv")
		p := filepath.Join(dir, "p.csv")
		os.WriteFile(d, []byte(data), 0o644)
		os.WriteFile(p, []byte(points), 0o644)
		g := filepath.Join(dir, "g.json")
		var outs []string
		for _, args := range [][]string{
			{"finetune", "-net", base, "-data", d, "-keep", p, "-heldout", p, "-out", g},
			{"eval", "-net", base, "-data", d},
			{"verify", "-net", g, "-base", base, "-data", d},
		} {
			r := runFtcheck(t, args...)
			if r.Code != 0 {
				t.Fatalf("%s: exit %d: %s", args[0], r.Code, r.Stderr)
			}
			outs = append(outs, strings.ReplaceAll(r.Stdout, dir, "DIR"))
		}
		return outs
	}
	want := run(labelsPlain, pointsPlain)
	for _, c := range []struct{ name, data, points string }{
		{"pandas", labelsPandas, pointsPandas},
		{"Excel", labelsExcel, pointsPandas},
	} {
		got := run(c.data, c.points)
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%s, command %d: got\n%s\nwant (as on the plain file)\n%s", c.name, i, got[i], want[i])
			}
		}
	}
}

// TestCSVDialectsRefused: a truncated pandas file, a byte order mark in the
// middle, an index that is not 0, 1, 2, …: exit 2, the file and line named
// once, the fix given, and no output file.
func TestCSVDialectsRefused(t *testing.T) {
	for _, c := range []struct {
		name, data, points string
		flag               string // which file is bad: "-data" or "-keep"
		where, fix         string
	}{
		{"truncated in the index", ",x1,y\n0,3,4\n1,1,0\n2", pointsPlain, "-data", "d.csv:4: ", "to_csv(path, index=False)"},
		{"truncated after the index", ",x1,y\n0,3,4\n1,1,0\n2,4", pointsPlain, "-data", "d.csv:4: ", "row has 1 fields, header has 2"},
		{"BOM in the middle", labelsPlain + "\xef\xbb\xbf7,1\n", pointsPlain, "-data", "d.csv:7: ", "remove it"},
		{"filtered frame", ",x1,y\n0,3,4\n2,1,0\n", pointsPlain, "-data", "d.csv:3: ", "reset_index(drop=True)"},
		{"points index from 1", labelsPlain, ",x1\n1,5\n2,6\n", "-keep", "p.csv:2: ", "to_csv(path, index=False)"},
		{"points BOM in the middle", labelsPlain, "x1\n5\n\xef\xbb\xbf6\n", "-keep", "p.csv:3: ", "remove it"},
		{"points classic Mac", labelsPlain, "x1\r5\r6\r", "-keep", "p.csv:1: ", "LF or CR LF"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			d := filepath.Join(dir, "d.csv")
			p := filepath.Join(dir, "p.csv")
			os.WriteFile(d, []byte(c.data), 0o644)
			os.WriteFile(p, []byte(c.points), 0o644)
			out := filepath.Join(dir, "g.json")
			cmds := [][]string{{"finetune", "-net", "testdata/base.json", "-data", d, "-keep", p, "-out", out}}
			if c.flag == "-data" {
				cmds = append(cmds, []string{"verify", "-net", "testdata/base.json", "-data", d}, []string{"eval", "-net", "testdata/base.json", "-data", d})
			}
			for _, args := range cmds {
				r := runFtcheck(t, args...)
				if r.Code != 2 {
					t.Fatalf("%s: exit %d, want 2:\n%s%s", args[0], r.Code, r.Stdout, r.Stderr)
				}
				if n := strings.Count(r.Stderr, filepath.Base(c.where)); n != 1 || !strings.Contains(r.Stderr, c.where) || !strings.Contains(r.Stderr, c.fix) {
					t.Errorf("%s: stderr %q: want %q once and %q", args[0], r.Stderr, c.where, c.fix)
				}
			}
			if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("finetune wrote %s (err %v)", out, err)
			}
		})
	}
}

// FuzzReadPointsCSV: the points reader of -keep and -heldout (x1..xd, any
// dialect) never panics; what it accepts has d ≥ 1 coordinates in every
// row and reads back the same from its plain rewriting; what it refuses is
// a typed error naming the file.
func FuzzReadPointsCSV(f *testing.F) {
	for _, s := range []string{pointsPlain, pointsPandas, "x1,x2\n1,2\n3/4,-5e-1\n", "x1\n\n1\n", ",x1\n0,1\n2,3\n",
		"x1\r5\r", "x1,y\n1,2\n", "x1\n1\n\xef\xbb\xbf2\n", "x1\n1e999999\n"} {
		f.Add([]byte(s))
	}
	lim := oracle.Limits{MaxDigits: 200, MaxBits: 1 << 12}
	f.Fuzz(func(t *testing.T, in []byte) {
		X, err := readPointsDialect(bytes.NewReader(in), "p.csv", lim)
		if err != nil {
			var pe *oracle.ParseError
			var de *modelio.CSVDialectError
			if !errors.As(err, &pe) && !errors.As(err, &de) {
				t.Fatalf("error %T %v: want a *oracle.ParseError or *modelio.CSVDialectError", err, err)
			}
			if !strings.HasPrefix(err.Error(), "p.csv:") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		if len(X) == 0 || len(X[0]) == 0 {
			t.Fatalf("accepted %d points of %d coordinates", len(X), len(X[0]))
		}
		var hdr strings.Builder
		for j := range X[0] {
			if j > 0 {
				hdr.WriteByte(',')
			}
			hdr.WriteString("x")
			hdr.WriteString(strconv.Itoa(j + 1))
		}
		rows := hdr.String() + "\n"
		for _, x := range X {
			if len(x) != len(X[0]) {
				t.Fatalf("rows of %d and %d coordinates", len(X[0]), len(x))
			}
			rows += pointKey(x) + "\n"
		}
		Y, err := readPointsCSV(strings.NewReader(rows), "plain.csv", oracle.Limits{})
		if err != nil || len(Y) != len(X) {
			t.Fatalf("the plain rewriting %q: %v", rows, err)
		}
		for i := range X {
			if pointKey(X[i]) != pointKey(Y[i]) {
				t.Fatalf("point %d: %s, read back %s", i+1, pointKey(X[i]), pointKey(Y[i]))
			}
		}
	})
}

// TestCSVDialectVectorRows: rows with C labels (read by NextVec) name a
// dialect fault once, with its fix, as single labels do.
func TestCSVDialectVectorRows(t *testing.T) {
	good, err := os.ReadFile("testdata/vec3_data.csv")
	if err != nil {
		t.Fatal(err)
	}
	d := filepath.Join(t.TempDir(), "d.csv")
	os.WriteFile(d, append(append([]byte{}, good...), "\xef\xbb\xbf9,9,0,0,0\n"...), 0o644)
	for _, args := range [][]string{{"verify", "-net", "testdata/vec3_f.json", "-data", d}, {"eval", "-net", "testdata/vec3_f.json", "-data", d}} {
		r := runFtcheck(t, args...)
		if r.Code != 2 || strings.Count(r.Stderr, "d.csv:") != 1 || !strings.Contains(r.Stderr, "remove it") {
			t.Errorf("%s: exit %d, stderr %q: want exit 2, the file:line once and the fix", args[0], r.Code, r.Stderr)
		}
	}
}
