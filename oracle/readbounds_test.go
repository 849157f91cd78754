package oracle

// The byte bounds of the readers, pinned at exactly the limit and one over,
// and the character classes of the network reader's scanner, pinned at the
// ends of each range. Expected values are worked by hand.

import (
	"errors"
	"math/big"
	"strings"
	"testing"
)

// oneNumber is a network g(x) = w·x whose single weight is written as w.
func oneNumber(w string) string {
	return `{"layers": [{"W": [[` + w + `]], "b": ["0"]}]}`
}

// tenOfLength writes 10 = 1·10¹ in exactly n bytes, padding the exponent
// with leading zeros ("1e+0…01"), which count as no digits: 2 digits
// whatever n is, so only the byte bound can reject it.
func tenOfLength(n int) string {
	return "1e+" + strings.Repeat("0", n-4) + "1"
}

// TestReadNetworkNumberBytes: a number's text may have maxNumberBytes =
// MaxDigits + 64 bytes, written plain or quoted, and not one more. A plain
// number is scanned to that many bytes and the rest left to fail as a
// syntax error; a quoted one is a string of at most that many bytes.
func TestReadNetworkNumberBytes(t *testing.T) {
	lim := Limits{MaxDigits: 10} // 74 bytes
	for _, w := range []string{tenOfLength(74), `"` + tenOfLength(74) + `"`} {
		n, err := ReadNetworkLimits(strings.NewReader(oneNumber(w)), "n.json", lim)
		if err != nil {
			t.Errorf("74 bytes %.8s…: %v, want it read", w, err)
			continue
		}
		if got := n.Layers[0].W[0][0]; got.Cmp(big.NewRat(10, 1)) != 0 {
			t.Errorf("74 bytes %.8s…: %v, want 10", w, got)
		}
	}
	// Plain, 75 bytes: the number starts at column 21 (after
	// `{"layers": [{"W": [[`), the first 74 bytes are scanned, and the 75th
	// ("1"), at column 21 + 74 = 95, is where ',' or ']' should be.
	_, err := ReadNetworkLimits(strings.NewReader(oneNumber(tenOfLength(75))), "n.json", lim)
	if err == nil || !strings.HasPrefix(err.Error(), "n.json:1:95: expected ',' or ']', found a number") {
		t.Errorf("plain, 75 bytes: %v, want a syntax error at 1:95", err)
	}
	_, err = ReadNetworkLimits(strings.NewReader(oneNumber(`"`+tenOfLength(75)+`"`)), "n.json", lim)
	var le *LimitError
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "string longer than 74 bytes") {
		t.Errorf("quoted, 75 bytes: %v, want a limit error", err)
	}
	// MaxDigits ≤ 0 is no limit: 10⁹⁹ in 100 bytes is read whole.
	w := "1" + strings.Repeat("0", 99)
	n, err := ReadNetworkLimits(strings.NewReader(oneNumber(w)), "n.json", Limits{})
	want := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(99), nil))
	if err != nil || n.Layers[0].W[0][0].Cmp(want) != 0 {
		t.Errorf("no limit, 10^99: %v, want it read", err)
	}
}

// TestReadNetworkKeyBytes: a key is a string of at most 256 bytes; one of
// 256 is read (and is unknown), one of 257 is too long.
func TestReadNetworkKeyBytes(t *testing.T) {
	k := strings.Repeat("k", 256)
	_, err := ReadNetwork(strings.NewReader(`{"`+k+`": []}`), "n.json")
	if err == nil || !strings.Contains(err.Error(), "unknown key") {
		t.Errorf("key of 256 bytes: %v, want it read as an unknown key", err)
	}
	_, err = ReadNetwork(strings.NewReader(`{"`+k+`k": []}`), "n.json")
	var le *LimitError
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "string longer than 256 bytes") {
		t.Errorf("key of 257 bytes: %v, want a limit error", err)
	}
	// A space is the first byte a string may hold; 0x1f is a control byte,
	// named at its own column: `{"lay` is columns 1–5.
	_, err = ReadNetwork(strings.NewReader(`{"lay ers": []}`), "n.json")
	if err == nil || !strings.Contains(err.Error(), `unknown key "lay ers"`) {
		t.Errorf("key with a space: %v, want an unknown key", err)
	}
	_, err = ReadNetwork(strings.NewReader("{\"lay\x1fers\": []}"), "n.json")
	if err == nil || !strings.Contains(err.Error(), "n.json:1:6: control character 0x1f") {
		t.Errorf("key with 0x1f: %v, want a control character at 1:6", err)
	}
}

// TestReadNetworkScanner: the scanner takes the digits 0–9, the letters a–z
// and A–Z, and - + . into one word, so each is read as part of the number
// or named whole in the error; a number starts with 0–9 or -, a word with
// a–z.
func TestReadNetworkScanner(t *testing.T) {
	n, err := ReadNetwork(strings.NewReader(`{"layers": [{"W": [[90, 0.5, 1E+1, -2e-1, 9]], "b": [0]}]}`), "n.json")
	if err != nil {
		t.Fatal(err)
	}
	want := []*big.Rat{big.NewRat(90, 1), big.NewRat(1, 2), big.NewRat(10, 1), big.NewRat(-1, 5), big.NewRat(9, 1)}
	for j, w := range want {
		if got := n.Layers[0].W[0][j]; got.Cmp(w) != 0 {
			t.Errorf("W[0][%d] = %v, want %v", j, got, w)
		}
	}
	// Each entry starts at column 21, after `{"layers": [{"W": [[`.
	for w, msg := range map[string]string{
		"azAZ09-+.x": `layers[0].W[0][0]: expected a number, found "azAZ09-+.x"`,
		"aZ":         `layers[0].W[0][0]: expected a number, found "aZ"`,
		"zA":         `layers[0].W[0][0]: expected a number, found "zA"`,
		"n0ll":       `layers[0].W[0][0]: expected a number, found "n0ll"`,
		"n9ll":       `layers[0].W[0][0]: expected a number, found "n9ll"`,
		"1a":         `layers[0].W[0][0]: "1a" is not a JSON number`,
		"1z":         `layers[0].W[0][0]: "1z" is not a JSON number`,
		"0x":         `layers[0].W[0][0]: "0x" is not a JSON number`,
		"9A":         `layers[0].W[0][0]: "9A" is not a JSON number`,
		"9Z":         `layers[0].W[0][0]: "9Z" is not a JSON number`,
		"~":          `layers[0].W[0][0]: expected a number, found "~"`,
		"\x7f":       `layers[0].W[0][0]: expected a number, found byte 0x7f`,
		"!":          `layers[0].W[0][0]: expected a number, found "!"`,
	} {
		_, err := ReadNetwork(strings.NewReader(oneNumber(w)), "n.json")
		if err == nil || !strings.HasPrefix(err.Error(), "n.json:1:21: "+msg) {
			t.Errorf("%q: %v, want n.json:1:21: %s", w, err, msg)
		}
	}
	// What expect found instead of the array of layers.
	for v, what := range map[string]string{"0": "a number", "9": "a number", "-": "a number", "~": `"~"`, "\x7f": "byte 0x7f", "!": `"!"`} {
		_, err := ReadNetwork(strings.NewReader(`{"layers": `+v+`}`), "n.json")
		if err == nil || !strings.Contains(err.Error(), "expected the array of layers, found "+what) {
			t.Errorf("layers %q: %v, want found %s", v, err, what)
		}
	}
}

// TestReadDataRowBytes: a row of d + 1 numbers may have (d + 1)·(MaxDigits
// + 64) bytes before its line end "\r\n", and not one more. With d = 1 and
// MaxDigits = 1 that is 2·65 = 130: "1,2" and 127 spaces.
func TestReadDataRowBytes(t *testing.T) {
	lim := Limits{MaxDigits: 1}
	row := func(n int) string { return "x1,y\r\n1,2" + strings.Repeat(" ", n-3) + "\r\n" }
	d, err := ReadDataLimits(strings.NewReader(row(130)), "d.csv", lim)
	if err != nil || d.K() != 1 || d.X[0][0].Cmp(big.NewRat(1, 1)) != 0 || d.Y[0].Cmp(big.NewRat(2, 1)) != 0 {
		t.Errorf("row of 130 bytes: %v, %v; want x = 1, y = 2", d, err)
	}
	_, err = ReadDataLimits(strings.NewReader(row(131)), "d.csv", lim)
	var le *LimitError
	if !errors.As(err, &le) || !strings.HasPrefix(err.Error(), "d.csv:2: a row is longer than 130 bytes") {
		t.Errorf("row of 131 bytes: %v, want a limit error at d.csv:2", err)
	}
	// MaxDigits ≤ 0: no digit limit, and rows of 2²⁰ bytes per number.
	if _, err := ReadDataLimits(strings.NewReader(row(1000)), "d.csv", Limits{}); err != nil {
		t.Errorf("row of 1000 bytes, no limit: %v", err)
	}
}
