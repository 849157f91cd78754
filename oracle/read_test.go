package oracle

// Bad input to the readers and to Verify: every case is a typed error naming
// the file and line:column (or the layer and entry), never a panic.

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"
)

// TestReadNetworkBadInput: each malformed network file yields a *ParseError
// whose message names the file and contains what locates the fault.
func TestReadNetworkBadInput(t *testing.T) {
	cases := []struct {
		name, src string
		want      []string // substrings of the error message
	}{
		{"empty", "", []string{"n.json: empty file"}},
		{"blank", "  \n\t\n", []string{"n.json: empty file"}},
		{"truncated", `{"layers": [{"W": [["1"]]`, []string{"n.json", "unexpected end"}},
		{"syntax", "{\"layers\": [\n  {\"W\": [[\"1\"]] \"b\": [\"0\"]}\n]}", []string{"n.json:2:"}},
		{"not an object", `[1, 2]`, []string{"n.json:1:"}},
		{"unknown field", `{"layers": [{"W": [["1"]], "b": ["0"]}], "weights": []}`, []string{"n.json", "weights"}},
		{"trailing data", `{"layers": [{"W": [["1"]], "b": ["0"]}]} {"layers": []}`, []string{"n.json:1:", "after the network"}},
		{"no layers", `{"layers": []}`, []string{"n.json", "no layers"}},
		{"empty object", `{}`, []string{"n.json", "no layers"}},
		{"ragged W", `{"layers": [{"W": [["1", "2"], ["3"]], "b": ["0", "0"]}, {"W": [["1", "1"]], "b": ["0"]}]}`,
			[]string{"n.json", "layer 0", "row 1", "1 entries, want 2"}},
		{"b too short", `{"layers": [{"W": [["1"], ["2"]], "b": ["0"]}, {"W": [["1", "1"]], "b": ["0"]}]}`,
			[]string{"n.json", "layer 0", "2 rows", "1 entries"}},
		{"b too long", `{"layers": [{"W": [["1"]], "b": ["0", "1"]}]}`, []string{"layer 0", "1 rows", "2 entries"}},
		{"shapes do not chain", `{"layers": [{"W": [["1"], ["2"]], "b": ["0", "0"]}, {"W": [["1", "1", "1"]], "b": ["0"]}]}`,
			[]string{"layer 1", "3 entries, want 2"}},
		{"no outputs", `{"layers": [{"W": [["1"], ["2"]], "b": ["0", "0"]}, {"W": [], "b": []}]}`, []string{"layer 1", "no outputs"}},
		{"zero input dimension", `{"layers": [{"W": [[]], "b": ["0"]}]}`, []string{"input dimension is 0"}},
		{"NaN", "{\"layers\": [\n {\"W\": [[\"1\", \"NaN\"]],\n  \"b\": [\"0\"]}]}", []string{"n.json:2:15", "layers[0].W[0][1]", "NaN"}},
		{"Inf", `{"layers": [{"W": [["1"]], "b": ["-Inf"]}]}`, []string{"n.json:1:", "layers[0].b[0]", "finite"}},
		{"unparsable", `{"layers": [{"W": [["one"]], "b": ["0"]}]}`, []string{"n.json:1:", "layers[0].W[0][0]", "not a number"}},
		{"zero denominator", `{"layers": [{"W": [["1/0"]], "b": ["0"]}]}`, []string{"layers[0].W[0][0]", "zero denominator"}},
		{"null", `{"layers": [{"W": [[null]], "b": ["0"]}]}`, []string{"layers[0].W[0][0]", "null"}},
		{"bool", `{"layers": [{"W": [[true]], "b": ["0"]}]}`, []string{"layers[0].W[0][0]"}},
		{"nested array entry", `{"layers": [{"W": [[[1]]], "b": ["0"]}]}`, []string{"layers[0].W[0][0]"}},
		{"huge exponent", `{"layers": [{"W": [["1e999999999"]], "b": ["0"]}]}`, []string{"layers[0].W[0][0]", "exponent"}},
		{"huge JSON number", `{"layers": [{"W": [[1e-999999999]], "b": ["0"]}]}`, []string{"layers[0].W[0][0]", "exponent"}},
		{"W not a matrix", `{"layers": [{"W": ["1"], "b": ["0"]}]}`, []string{"n.json:1:"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n, err := ReadNetwork(strings.NewReader(c.src), "n.json")
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, %v; want a *ParseError", n, err)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

// TestReadDataBadInput: each malformed data file yields a *ParseError naming
// the file, the line and (for numbers) the column.
func TestReadDataBadInput(t *testing.T) {
	cases := []struct {
		name, src string
		want      []string
	}{
		{"empty", "", []string{"d.csv: empty file"}},
		{"blank lines", "\n \n", []string{"d.csv: empty file"}},
		{"header only", "x1,y\n", []string{"d.csv", "no data rows"}},
		{"missing y column", "x1,x2\n1,2\n", []string{"d.csv:1:", `"x2"`, "label column y"}},
		{"one column", "y\n1\n", []string{"d.csv:1:", "header needs"}},
		{"wrong x name", "x1,x3,y\n1,2,3\n", []string{"d.csv:1:", `"x3"`, `"x2"`}},
		{"short row", "x1,x2,y\n1,2,3\n4,5\n", []string{"d.csv:3:", "2 fields", "3"}},
		{"long row", "x1,y\n1,2,3\n", []string{"d.csv:2:", "3 fields"}},
		{"NaN", "x1,x2,y\n1,2,3\n1,NaN,2\n", []string{"d.csv:3:3:", "NaN"}},
		{"NaN after indent", "x1,x2,y\n  1, NaN,2\n", []string{"d.csv:2:5:", "NaN"}},
		{"Inf label", "x1,y\n0,+Inf\n", []string{"d.csv:2:3:", "finite"}},
		{"unparsable", "x1,y\n1,abc\n", []string{"d.csv:2:3:", "not a number"}},
		{"empty field", "x1,x2,y\n1,,3\n", []string{"d.csv:2:3:", "empty"}},
		{"zero denominator", "x1,y\n1/0,1\n", []string{"d.csv:2:1:", "zero denominator"}},
		{"huge exponent", "x1,y\n1,1e-1000001\n", []string{"d.csv:2:3:", "exponent"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := ReadData(strings.NewReader(c.src), "d.csv")
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, %v; want a *ParseError", d, err)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

// TestReadDataGood: CRLF line ends, blank lines, spaces around numbers and
// every number form are read exactly.
func TestReadDataGood(t *testing.T) {
	d, err := ReadData(strings.NewReader("x1,x2,z\r\n\r\n 1/3 , -0.125,1e-3\r\n2,+4,-7/14\r\n"), "d.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"1/3", "-1/8", "1/1000"}, {"2", "4", "-1/2"}}
	if d.Label != "z" || d.K() != 2 || d.Dim() != 2 {
		t.Fatalf("label %q K %d d %d", d.Label, d.K(), d.Dim())
	}
	for i, row := range want {
		got := []string{FormatRat(d.X[i][0]), FormatRat(d.X[i][1]), FormatRat(d.Y[i])}
		if strings.Join(got, ",") != strings.Join(row, ",") {
			t.Errorf("row %d: %v, want %v", i+1, got, row)
		}
	}
}

// TestVerifyBadInput: Verify reports mismatched dimensions and lengths and a
// missing or invalid network as errors, not panics.
func TestVerifyBadInput(t *testing.T) {
	g := &Network{Layers: []Layer{{W: [][]*big.Rat{Rats(1, 1)}, B: Rats(0)}}}
	f1 := &Network{Layers: []Layer{{W: [][]*big.Rat{Rats(1)}, B: Rats(0)}}}
	X := [][]*big.Rat{Rats(1, 2), Rats(3, 4)}
	bad := &Network{Layers: []Layer{{W: [][]*big.Rat{Rats(1, 1), Rats(1)}, B: Rats(0, 0)}}}
	cases := []struct {
		name string
		g, f *Network
		X    [][]*big.Rat
		Y    []*big.Rat
		want string
	}{
		{"labels", g, nil, X, Rats(3), "2 inputs but 1 labels"},
		{"row dimension", g, nil, [][]*big.Rat{Rats(1, 2), Rats(3)}, Rats(3, 3), "row 2 has 1 coordinates, network wants 2"},
		{"f dimension", g, f1, X, Rats(3, 7), "row 1 has 2 coordinates, network wants 1"},
		{"invalid g", bad, nil, X, Rats(3, 7), "layer 0"},
		{"nil g", nil, nil, X, Rats(3, 7), "no layers"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Verify(c.g, c.f, c.X, c.Y)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Verify: %v, want an error containing %q", err, c.want)
			}
			var mm *Mismatch
			if errors.As(err, &mm) {
				t.Fatalf("a shape error reported as a mismatch: %v", err)
			}
		})
	}
}

// TestParseRatForms: the number forms of INTERFACE.md read exactly (values
// derived by hand), and non-numbers are errors.
func TestParseRatForms(t *testing.T) {
	good := map[string]string{"-3": "-3", "7/3": "7/3", "-2/4": "-1/2", "0.125": "1/8", "1e-3": "1/1000",
		"-1.5E+2": "-150", "+4": "4", " 5 ": "5", ".5": "1/2", "0": "0", "-0": "0", "12345678901234567890123": "12345678901234567890123"}
	for in, want := range good {
		r, err := ParseRat(in)
		if err != nil || FormatRat(r) != want {
			t.Errorf("ParseRat(%q) = %v, %v; want %s", in, r, err, want)
		}
	}
	for _, in := range []string{"", "NaN", "nan", "-Inf", "inf", "Infinity", "1/0", "1//2", "1/2/3", "1/-2", "1.5/2", "0x10",
		"1_000", "abc", "1e", "e5", "--1", "1e999999999", "1 2", "½"} {
		if r, err := ParseRat(in); err == nil {
			t.Errorf("ParseRat(%q) = %v, want an error", in, r)
		}
	}
}

// TestDataLines: Line gives the source line of a row, blank lines counted.
func TestDataLines(t *testing.T) {
	d, err := ReadData(strings.NewReader("x1,y\n\n1,2\n\n\n3,4\n"), "d.csv")
	if err != nil {
		t.Fatal(err)
	}
	if d.Line(1) != 3 || d.Line(2) != 6 || (&Data{}).Line(2) != 3 {
		t.Fatalf("lines %d, %d; fallback %d", d.Line(1), d.Line(2), (&Data{}).Line(2))
	}
}

// TestReadNetworkLocatesRepeatedBadValue: when the same bad token occurs
// twice, the error points at the first in the file and names that entry
// (here b comes before W).
func TestReadNetworkLocatesRepeatedBadValue(t *testing.T) {
	src := "{\"layers\": [{\"b\": [\"NaN\"],\n \"W\": [[\"2\", \"NaN\"]]}]}"
	_, err := ReadNetwork(strings.NewReader(src), "n.json")
	if err == nil || !strings.HasPrefix(err.Error(), "n.json:1:20: layers[0].b[0]") {
		t.Fatalf("got %v, want n.json:1:20: layers[0].b[0]…", err)
	}
	src = "{\"layers\": [{\"W\": [[\"2\"]], \"b\": [\"1\"]},\n {\"W\": [[\"2\", \"NaN\"]], \"b\": [\"NaN\"]}]}"
	_, err = ReadNetwork(strings.NewReader(src), "n.json")
	if err == nil || !strings.HasPrefix(err.Error(), "n.json:2:15: layers[1].W[0][1]") {
		t.Fatalf("got %v, want n.json:2:15: layers[1].W[0][1]…", err)
	}
	src = "{\"layers\": [{\"W\": [[1]], \"b\": [\"0\"]},\n {\"W\": [[1]], \"b\": [\"x\"]}]}"
	_, err = ReadNetwork(strings.NewReader(src), "n.json")
	if err == nil || !strings.HasPrefix(err.Error(), "n.json:2:21: layers[1].b[0]") {
		t.Fatalf("got %v, want n.json:2:21: layers[1].b[0]…", err)
	}
}

// TestReadNetworkKeys: keys are matched exactly; an unknown, mis-cased or
// repeated key is an error at the key's line:column.
func TestReadNetworkKeys(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"Layers", `{"Layers": [{"W": [["1"]], "b": ["0"]}]}`, `n.json:1:2: unknown key "Layers"`},
		{"w", `{"layers": [{"w": [["1"]], "b": ["0"]}]}`, `n.json:1:14: layers[0]: unknown key "w"`},
		{"B", "{\"layers\": [{\"W\": [[\"1\"]],\n \"B\": [\"0\"]}]}", `n.json:2:2: layers[0]: unknown key "B"`},
		{"extra in layer", `{"layers": [{"W": [["1"]], "b": ["0"], "act": "relu"}]}`, `n.json:1:40: layers[0]: unknown key "act"`},
		{"layers twice", `{"layers": [{"W": [["1"]], "b": ["0"]}], "layers": []}`, `n.json:1:42: key "layers" given twice`},
		{"W twice", `{"layers": [{"W": [["1"]], "W": [["2"]], "b": ["0"]}]}`, `n.json:1:28: key "W" given twice`},
		{"missing b", `{"layers": [{"W": [["1"]]}]}`, `n.json:1:13: layers[0]: missing "b"`},
		{"missing W", `{"layers": [{"b": ["0"]}]}`, `n.json:1:13: layers[0]: missing "W"`},
		{"escaped key", `{"lay\u0065rs": [{"W": [["1"]], "b": ["0"]}], "\u0057": 1}`, `unknown key "W"`},
		{"bad JSON number", `{"layers": [{"W": [[01]], "b": ["0"]}]}`, `n.json:1:21: layers[0].W[0][0]: "01" is not a JSON number`},
		{"control in string", "{\"layers\": [{\"W\": [[\"1\n\"]], \"b\": [\"0\"]}]}", "n.json:1:23: control character"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadNetwork(strings.NewReader(c.src), "n.json")
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want an error containing %q", err, c.want)
			}
		})
	}
}

// TestReadLimits: a number of more digits than MaxDigits (its exponent
// counted) is a *LimitError inside the *ParseError, in data and networks; at
// the limit it is read.
func TestReadLimits(t *testing.T) {
	lim := Limits{MaxDigits: 20}
	for _, src := range []string{"x1,y\n1,1e-18\n", "x1,y\n1,12345678901234567890\n", "x1,y\n1/1234567890123456789,0\n"} {
		if _, err := ReadDataLimits(strings.NewReader(src), "d.csv", lim); err != nil {
			t.Errorf("%q at the limit: %v", src, err)
		}
	}
	for _, src := range []string{"x1,y\n1,1e-19\n", "x1,y\n1,123456789012345678901\n", "x1,y\n1/123456789012345678901,0\n", "x1,y\n1,7e100000\n"} {
		_, err := ReadDataLimits(strings.NewReader(src), "d.csv", lim)
		var le *LimitError
		if !errors.As(err, &le) || le.Limit != "max-digits" || le.Max != 20 || !strings.HasPrefix(err.Error(), "d.csv:2:") {
			t.Errorf("%q: %v, want a max-digits limit error at d.csv:2", src, err)
		}
	}
	_, err := ReadNetworkLimits(strings.NewReader(`{"layers": [{"W": [[1e-19]], "b": ["0"]}]}`), "n.json", lim)
	var le *LimitError
	if !errors.As(err, &le) || !strings.HasPrefix(err.Error(), "n.json:1:21: layers[0].W[0][0]") {
		t.Errorf("network: %v, want a max-digits limit error at 1:21", err)
	}
	long := "x1,y\n" + strings.Repeat(" ", 1000) + "1,2\n"
	if _, err := ReadDataLimits(strings.NewReader(long), "d.csv", lim); !errors.As(err, &le) {
		t.Errorf("a row longer than its numbers allow: %v, want a limit error", err)
	}
}

// errReader yields its data, then fails.
type errReader struct {
	data string
	err  error
}

func (r *errReader) Read(p []byte) (int, error) {
	if r.data == "" {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

// TestReadDataToTheEnd: rows are read to the end however many there are, and
// a read error part-way is an error, never the rows before it.
func TestReadDataToTheEnd(t *testing.T) {
	var b strings.Builder
	b.WriteString("x1,y\n")
	for i := 0; i < 200000; i++ {
		fmt.Fprintf(&b, "%d,1\n", i)
	}
	d, err := ReadData(strings.NewReader(b.String()), "d.csv")
	if err != nil || d.K() != 200000 {
		t.Fatalf("K = %v, %v", d, err)
	}
	_, err = ReadData(&errReader{"x1,y\n1,2\n3,4\n", errors.New("disk gone")}, "d.csv")
	if err == nil || !strings.Contains(err.Error(), "disk gone") {
		t.Fatalf("a failing reader: %v", err)
	}
	_, err = ReadNetwork(&errReader{`{"layers": [{"W": [["1"]], "b": ["0"]}]`, errors.New("disk gone")}, "n.json")
	if err == nil || !strings.Contains(err.Error(), "disk gone") {
		t.Fatalf("a failing reader: %v", err)
	}
}

// TestGrowth: the bound names the first layer whose exact values may pass
// MaxBits, and admits a network within it.
func TestGrowth(t *testing.T) {
	deep := &Network{}
	for i := 0; i < 40; i++ {
		deep.Layers = append(deep.Layers, Layer{W: [][]*big.Rat{{MustRat("1e-300")}}, B: Rats(0)})
	}
	g, err := NewGrowth(deep, "n.json", 10000)
	if err == nil {
		err = g.Check(Rats(1))
	}
	var le *LimitError
	if !errors.As(err, &le) || le.Limit != "max-bits" || !strings.Contains(err.Error(), "n.json: layers[10]:") {
		t.Fatalf("got %v, want max-bits at layers[10] (11 layers of 997 bits)", err)
	}
	if g, _ := NewGrowth(deep, "n.json", 100000); g.Check(Rats(1)) != nil {
		t.Fatalf("40·997 bits within 100000: %v", g.Check(Rats(1)))
	}
	if _, err := NewGrowth(deep, "n.json", 500); !errors.As(err, &le) {
		t.Fatalf("a layer's own denominator over the limit: %v", err)
	}
	g, _ = NewGrowth(&Network{Layers: deep.Layers[:1]}, "n.json", 2000)
	if err := g.Check([]*big.Rat{MustRat("1e-400")}); !errors.As(err, &le) || !strings.Contains(err.Error(), "layers[0]") {
		t.Fatalf("input bits count: %v", err)
	}
}
