package modelio

import (
	"bytes"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/oracle"
	"pgregory.net/rapid"
)

// dyadic draws a float64-representable rational: a small integer over a
// power of two.
func dyadic(t *rapid.T, label string) *big.Rat {
	p := rapid.Int64Range(-1<<20, 1<<20).Draw(t, label+".num")
	k := rapid.IntRange(0, 60).Draw(t, label+".exp")
	return new(big.Rat).SetFrac(big.NewInt(p), new(big.Int).Lsh(big.NewInt(1), uint(k)))
}

// genNet draws a network of 1 to 4 layers with widths 1 to 4 whose values
// come from value.
func genNet(t *rapid.T, value func(*rapid.T, string) *big.Rat) *oracle.Network {
	depth := rapid.IntRange(1, 4).Draw(t, "L")
	in := rapid.IntRange(1, 4).Draw(t, "d")
	net := &oracle.Network{}
	for li := range depth {
		out := rapid.IntRange(1, 4).Draw(t, "width")
		l := oracle.Layer{W: make([][]*big.Rat, out), B: make([]*big.Rat, out)}
		for r := range out {
			l.W[r] = make([]*big.Rat, in)
			for c := range in {
				l.W[r][c] = value(t, "W")
			}
			l.B[r] = value(t, "b")
		}
		_ = li
		net.Layers = append(net.Layers, l)
		in = out
	}
	return net
}

// A network of float64 values written as .safetensors or .npz reads back
// equal, value for value, and the export says it is exact.
func TestRoundTripExact(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		net := genNet(t, dyadic)
		for _, format := range []string{"safetensors", "npz"} {
			var buf bytes.Buffer
			var ex *Export
			var err error
			var ts []*Tensor
			if format == "npz" {
				ex, err = WriteNPZ(&buf, net, WriteOptions{})
				if err == nil {
					ts, err = ReadNPZ(bytes.NewReader(buf.Bytes()), int64(buf.Len()), "rt.npz", DefaultLimits)
				}
			} else {
				ex, err = WriteSafetensors(&buf, net, WriteOptions{})
				if err == nil {
					ts, err = ReadSafetensors(&buf, "rt.safetensors", DefaultLimits)
				}
			}
			if err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			if !ex.Exact || ex.MaxError.Sign() != 0 || ex.DType != "F64" {
				t.Fatalf("%s: export of float64 values says %s", format, ex)
			}
			back, err := NetworkFromTensors(ts, format, nil)
			if err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			if d := sameNet(net, back); d != "" {
				t.Fatalf("%s: %s", format, d)
			}
		}
	})
}

// Values that are no float64 are written as the nearest one, and the export
// says so: 1/3 is off by exactly |fl(1/3) − 1/3| = 1/(3·2^54), the largest
// error, reached at its place.
func TestExportInexact(t *testing.T) {
	net := fixtureNet()
	net.Layers[1].W[0][2] = big.NewRat(1, 3)
	net.Layers[0].B[2] = big.NewRat(1, 10)
	var buf bytes.Buffer
	ex, err := WriteSafetensors(&buf, net, WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := big.NewRat(1, 3*(1<<54))
	if ex.Exact || ex.Inexact != 2 || ex.Values != 13 || ex.MaxError.Cmp(want) != 0 || ex.At != "2.weight[0,2]" {
		t.Fatalf("export %+v (%s), want 2 of 13 inexact, max error %s at 2.weight[0,2]", ex, ex, want)
	}
	if s := ex.String(); !strings.Contains(s, "not exact (F64): 2 of 13 values rounded, max error 1/54043195528445952 ≈ 1.85e-17 at 2.weight[0,2]") {
		t.Errorf("String() = %q", s)
	}
	ts, err := ReadSafetensors(&buf, "x.safetensors", DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	back, _ := NetworkFromTensors(ts, "x", nil)
	third, _ := big.NewRat(1, 3).Float64()
	if back.Layers[1].W[0][2].Cmp(new(big.Rat).SetFloat64(third)) != 0 {
		t.Errorf("1/3 written as %s, want the nearest float64", back.Layers[1].W[0][2])
	}
	// As float32 the fixture (float32 values) is exact again once 1/3 and 1/10 are gone.
	ex32, err := WriteNPZ(&bytes.Buffer{}, fixtureNet(), WriteOptions{DType: "F32"})
	if err != nil || !ex32.Exact {
		t.Errorf("fixture as F32: %v %v", ex32, err)
	}
}

// A value beyond float64's range is an error, not an infinity in the file.
func TestExportOutOfRange(t *testing.T) {
	net := fixtureNet()
	net.Layers[0].W[1][1] = new(big.Rat).SetInt(new(big.Int).Lsh(big.NewInt(1), 1024))
	_, err := WriteSafetensors(&bytes.Buffer{}, net, WriteOptions{})
	var re *RangeError
	if !errors.As(err, &re) || re.Tensor != "0.weight" || formatIndex(re.Index) != "[1,1]" {
		t.Fatalf("error %v, want a RangeError at 0.weight[1,1]", err)
	}
	net.Layers[0].W[1][1] = big.NewRat(1<<62, 1)
	if _, err := WriteNPZ(&bytes.Buffer{}, net, WriteOptions{DType: "F32"}); err != nil {
		t.Fatalf("2^62 fits float32: %v", err)
	}
}

// Files by name: written whole, read back equal, with the given layer
// names; a failed write leaves no file.
func TestNetworkFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"g.safetensors", "g.npz"} {
		path := filepath.Join(dir, name)
		opt := WriteOptions{Layers: []string{"fc1", "fc2"}}
		ex, err := WriteNetworkFile(path, fixtureNet(), opt)
		if err != nil || !ex.Exact {
			t.Fatalf("%s: %v %v", name, ex, err)
		}
		back, err := ReadNetworkFile(path, opt.Layers, DefaultLimits)
		if err != nil {
			t.Fatal(err)
		}
		if d := sameNet(back, fixtureNet()); d != "" {
			t.Fatalf("%s: %s", name, d)
		}
		if st, _ := os.Stat(path); st.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v", name, st.Mode())
		}
	}
	huge := fixtureNet()
	huge.Layers[0].B[0] = new(big.Rat).SetInt(new(big.Int).Lsh(big.NewInt(1), 2000))
	bad := filepath.Join(dir, "bad.npz")
	if _, err := WriteNetworkFile(bad, huge, WriteOptions{}); err == nil {
		t.Fatal("out-of-range network written")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 2 {
		t.Errorf("after a failed write the directory holds %d entries, want 2", len(ents))
	}
	if _, err := WriteNetworkFile(filepath.Join(dir, "g.json"), fixtureNet(), WriteOptions{}); err == nil {
		t.Error(".json accepted")
	}
}
