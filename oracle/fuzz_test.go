package oracle

// Fuzz targets for the readers of user input: whatever the bytes, no panic;
// whatever parses, writes back and reads again to the same exact values.
// The seed corpus below runs in every `go test`; run a target longer with
//
//	go test ./oracle -run '^$' -fuzz FuzzReadNetwork -fuzztime 30s

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzParseRat: ParseRat never panics, and what it accepts prints with
// FormatRat to a canonical string that parses to the same number.
func FuzzParseRat(f *testing.F) {
	for _, s := range []string{"0", "-3", "7/3", "-2/4", "0.125", "1e-3", "-1.5E+2", "+4", ".5", "1.",
		"NaN", "-Inf", "inf", "1/0", "", " ", "1//2", "1/2/3", "1e", "e5", "1e999999999", "0x10", "1_0", "--1", "1/-2", "٣"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseRat(s)
		if err != nil {
			return
		}
		out := FormatRat(r)
		back, err := ParseRat(out)
		if err != nil || back.Cmp(r) != 0 {
			t.Fatalf("%q → %s → %v, %v", s, out, back, err)
		}
		if FormatRat(back) != out {
			t.Fatalf("FormatRat not canonical: %s then %s", out, FormatRat(back))
		}
	})
}

// FuzzReadNetwork: ReadNetwork never panics; an accepted network is valid and
// survives WriteJSON/ReadNetwork exactly.
func FuzzReadNetwork(f *testing.F) {
	for _, s := range []string{
		`{"layers": [{"W": [["1", "-2/3"], ["0", "5"]], "b": ["0", "1/2"]}, {"W": [["3", "-1"]], "b": ["-7"]}]}`,
		`{"layers": [{"W": [[1.5, 2e-3]], "b": [0]}]}`,
		`{"layers": [{"W": [["1"]], "b": ["0"]}]} trailing`,
		`{"layers": [{"W": [["1", "2"], ["3"]], "b": ["0", "0"]}, {"W": [["1", "1"]], "b": ["0"]}]}`,
		`{"layers": [{"W": [["NaN"]], "b": ["0"]}]}`,
		`{"layers": []}`, `{}`, `[]`, ``, `{"layers": [{"W": [[null]], "b": [true]}]}`,
		`{"layers": [{"W": [["1"]], "b": ["0"]}], "extra": 1}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		n, err := ReadNetwork(bytes.NewReader(src), "fuzz.json")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.json") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if err := n.Validate(); err != nil {
			t.Fatalf("accepted an invalid network: %v", err)
		}
		var buf bytes.Buffer
		if err := n.WriteJSON(&buf); err != nil {
			t.Fatal(err)
		}
		back, err := ReadNetwork(&buf, "again.json")
		if err != nil || back.GoString() != n.GoString() {
			t.Fatalf("round trip: %v\n%#v\n%#v", err, n, back)
		}
	})
}

// FuzzReadData: ReadData never panics; accepted data is rectangular and
// survives WriteCSV/ReadData exactly.
func FuzzReadData(f *testing.F) {
	for _, s := range []string{
		"x1,x2,y\n1,2,3\n-1/2,0.25,1e-3\n", "x1,z\r\n0,1\r\n", "x1,x2\n1,2\n", "x1,y\n", "", "\n\n",
		"x1,y\n1,NaN\n", "x1,y\n1\n", "x1,y\n1,2,3\n", "a,y\n1,2\n", "x1,y\n1,,\n", "x1,y\n 1 , 2 \n",
		"x1,x2,y1,y2,y3\n1,2,3,4,5\n", "x1,z1,z2\n0,1/2,-1\n", "x1,y1,z2\n1,2,3\n", "x1,y1,y3\n1,2,3\n", "x1,y1,y2\n1,2\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := ReadData(bytes.NewReader(src), "fuzz.csv")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.csv") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		C := d.Outputs()
		if d.K() == 0 || (C == 1) != (d.Ys == nil) || (C == 1 && len(d.Y) != d.K()) || (C > 1 && (d.Y != nil || len(d.Ys) != d.K())) {
			t.Fatalf("K = %d, C = %d with %d labels Y and %d label rows Ys", d.K(), C, len(d.Y), len(d.Ys))
		}
		for i, x := range d.X {
			if len(x) != d.Dim() || len(d.Labels(i)) != C {
				t.Fatalf("row %d has %d coordinates and %d labels, row 1 has %d and %d", i+1, len(x), len(d.Labels(i)), d.Dim(), C)
			}
		}
		var buf bytes.Buffer
		if err := d.WriteCSV(&buf); err != nil {
			t.Fatal(err)
		}
		first := buf.String()
		back, err := ReadData(&buf, "again.csv")
		if err != nil {
			t.Fatalf("re-reading: %v", err)
		}
		var again bytes.Buffer
		back.WriteCSV(&again)
		if back.Label != d.Label || again.String() != first {
			t.Fatalf("round trip changed the data:\n%s\n%s", first, again.String())
		}
	})
}
