package modelio

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"strings"
	"testing"

	"codeberg.org/sbinet/npyio/npy"
	"codeberg.org/sbinet/npyio/npz"
	"github.com/ftcheck/ftcheck/oracle"
	"gonum.org/v1/gonum/mat"
	"math/big"
)

// npyFile is an NPY version 1.0 file with the given header dict and data,
// written by hand (no padding to 64 bytes: readers must not need it).
func npyFile(dict string, data []byte) []byte {
	b := []byte("\x93NUMPY\x01\x00")
	b = binary.LittleEndian.AppendUint16(b, uint16(len(dict)))
	return append(append(b, dict...), data...)
}

func f64s(v ...float64) []byte {
	var b []byte
	for _, x := range v {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(x))
	}
	return b
}

// A hand-written .npy reads as its exact values, in any key order, any
// byte order and either storage order.
func TestReadNPY(t *testing.T) {
	be := make([]byte, 8)
	binary.BigEndian.PutUint64(be, math.Float64bits(0.1))
	for _, c := range []struct {
		name, dict string
		data       []byte
		shape      []int
		want       []string
	}{
		{"c order", "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }\n", f64s(1, 2, 3, 0.1), []int{2, 2},
			[]string{"1", "2", "3", "3602879701896397/36028797018963968"}},
		{"fortran order", "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }\n", f64s(1, 4, 2, 5, 3, 6), []int{2, 3},
			[]string{"1", "2", "3", "4", "5", "6"}},
		{"keys reordered, double quotes", `{"shape": (1,), "fortran_order": False, "descr": ">f8"}` + "\n", be, []int{1},
			[]string{"3602879701896397/36028797018963968"}},
		{"float32 0.1", "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }   \n", []byte{0xCD, 0xCC, 0xCC, 0x3D}, []int{1},
			[]string{"13421773/134217728"}},
		{"float16, python 2 long", "{'descr': '<f2', 'fortran_order': False, 'shape': (2L,), }\n", []byte{0x00, 0x3C, 0x01, 0x00}, []int{2},
			[]string{"1", "1/16777216"}},
		{"int8 scalar", "{'descr': '|i1', 'fortran_order': False, 'shape': (), }\n", []byte{0xFF}, []int{},
			[]string{"-1"}},
		{"big-endian int32", "{'descr': '>i4', 'fortran_order': False, 'shape': (1,), }\n", []byte{0xFF, 0xFF, 0xFF, 0xFE}, []int{1},
			[]string{"-2"}},
		{"empty", "{'descr': '<f8', 'fortran_order': False, 'shape': (0, 5), }\n", nil, []int{0, 5}, nil},
	} {
		tn, err := ReadNPY(bytes.NewReader(npyFile(c.dict, c.data)), "a.npy", "a", DefaultLimits)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if len(tn.Shape) != len(c.shape) || len(tn.Values) != len(c.want) {
			t.Errorf("%s: shape %v with %d values, want %v", c.name, tn.Shape, len(tn.Values), c.shape)
			continue
		}
		for i, w := range c.want {
			if tn.Values[i].Cmp(rat(w)) != 0 {
				t.Errorf("%s: value %d = %s, want %s", c.name, i, tn.Values[i].RatString(), w)
			}
		}
	}
}

var badNPY = []struct {
	name string
	file []byte
	want string
}{
	{"empty", nil, "too short"},
	{"bad magic", []byte("\x93NUMPX\x01\x00\x00\x00"), "magic"},
	{"version 4", []byte("\x93NUMPY\x04\x00\x00\x00"), "version 4.0"},
	{"truncated length", []byte("\x93NUMPY\x02\x00\x10"), "header length"},
	{"huge v2 header", []byte("\x93NUMPY\x02\x00\xff\xff\xff\xff"), "over the limit"},
	{"truncated header", npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }\n", nil)[:30], "truncated"},
	{"no newline", npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", f64s(1)), ""},
	{"truncated data", npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }\n", f64s(1, 2)), "needs 24 bytes of data, the file has 16"},
	{"trailing data", npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }\n", f64s(1, 2)), "bytes after"},
	{"huge shape", npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296), }\n", nil), "max-values"},
	{"shape past int", npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,), }\n", nil), "not a size"},
	{"negative shape", npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (-1,), }\n", nil), "not a size"},
	{"missing key", npyFile("{'descr': '<f8', 'shape': (1,), }\n", f64s(1)), `no "fortran_order"`},
	{"repeated key", npyFile("{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (1,), }\n", f64s(1)), "twice"},
	{"unknown key", npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'x': 1}\n", f64s(1)), "unknown header key"},
	{"complex dtype", npyFile("{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }\n", make([]byte, 16)), "not a number type"},
	{"object dtype", npyFile("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }\n", make([]byte, 8)), "not a number type"},
	{"bool dtype", npyFile("{'descr': '|b1', 'fortran_order': False, 'shape': (1,), }\n", make([]byte, 1)), "not a number type"},
	{"bfloat16 as void", npyFile("{'descr': '<V2', 'fortran_order': False, 'shape': (1,), }\n", make([]byte, 2)), "raw bytes"},
	{"structured dtype", npyFile("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (1,), }\n", f64s(1)), "structured"},
	{"fortran_order word", npyFile("{'descr': '<f8', 'fortran_order': 0, 'shape': (1,), }\n", f64s(1)), "fortran_order"},
	{"garbage after dict", npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), } x\n", f64s(1)), "after the header"},
	{"NaN", npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }\n", f64s(1, 2, math.NaN(), 4)), `"a"[1,0] is NaN`},
	{"Inf in Fortran order", npyFile("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }\n",
		[]byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80, 0xFF, 0, 0, 0, 0}), `"a"[0,1] is -Inf`},
}

// Every malformed .npy is an error saying what is wrong, never a panic;
// "no newline" is accepted (numpy ends its headers so, but nothing needs it).
func TestReadNPYBad(t *testing.T) {
	for _, c := range badNPY {
		_, err := ReadNPY(bytes.NewReader(c.file), "a.npy", "a", DefaultLimits)
		if c.want == "" {
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
	}
}

// An .npz written by npyio (an independent NPY writer, as numpy.savez
// lays it out) reads as the network its float64 arrays hold.
func TestReadNPZFromNpyio(t *testing.T) {
	var buf bytes.Buffer
	w := npz.NewWriter(&buf)
	write := func(name string, v any) {
		if err := w.Write(name+".npy", v); err != nil {
			t.Fatal(err)
		}
	}
	write("net.0.weight", mat.NewDense(3, 2, []float64{0.1, -0.5, 1, 2, 0.25, -3}))
	write("net.0.bias", []float64{0, 0.1, -1})
	write("net.2.weight", mat.NewDense(1, 3, []float64{1, -1, 0.5}))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	ts, err := ReadNPZ(bytes.NewReader(buf.Bytes()), int64(buf.Len()), "n.npz", DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	net, err := NetworkFromTensors(ts, "n.npz", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := &oracle.Network{Layers: []oracle.Layer{
		{W: [][]*big.Rat{{ratF(0.1), rat("-1/2")}, {rat("1"), rat("2")}, {rat("1/4"), rat("-3")}}, B: []*big.Rat{rat("0"), ratF(0.1), rat("-1")}},
		{W: [][]*big.Rat{{rat("1"), rat("-1"), rat("1/2")}}, B: []*big.Rat{rat("0")}}, // no bias: zero
	}}
	if d := sameNet(net, want); d != "" {
		t.Fatal(d)
	}
}

func ratF(f float64) *big.Rat { return new(big.Rat).SetFloat64(f) }

// zipOf is an archive of the given entries, stored or deflated.
func zipOf(t testing.TB, method uint16, entries ...[2]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e[0], Method: method})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(e[1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Malformed archives are errors naming what is wrong.
func TestReadNPZBad(t *testing.T) {
	one := string(npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }\n", f64s(1)))
	corrupt := zipOf(t, zip.Store, [2]string{"a.npy", one})
	corrupt[bytes.Index(corrupt, []byte("shape"))+len("shape': (1,), }\n")+1]++ // a data byte: CRC fails
	zeros := string(npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (100000,), }\n", make([]byte, 8e5)))
	for _, c := range []struct {
		name string
		file []byte
		want string
	}{
		{"not a zip", []byte("PK\x03\x04 nothing"), "not a valid .npz"},
		{"truncated", zipOf(t, zip.Deflate, [2]string{"a.npy", one})[:40], "not a valid .npz"},
		{"duplicate", zipOf(t, zip.Store, [2]string{"a.npy", one}, [2]string{"a.npy", one}), "twice"},
		{"not npy", zipOf(t, zip.Store, [2]string{"a.txt", "hello"}), "not a .npy"},
		{"bad npy", zipOf(t, zip.Deflate, [2]string{"a.npy", one[:20]}), `"a": NPY header`},
		{"corrupt", corrupt, "corrupt"},
		{"bomb", zipOf(t, zip.Deflate, [2]string{"a.npy", zeros}, [2]string{"b.npy", zeros}), "max-values"},
	} {
		_, err := ReadNPZ(bytes.NewReader(c.file), int64(len(c.file)), "bad.npz", Limits{MaxValues: 150000})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
	}
}

// The .npz this package writes reads back in npyio as the same float64s.
func TestWriteNPZReadByNpyio(t *testing.T) {
	var buf bytes.Buffer
	if _, err := WriteNPZ(&buf, fixtureNet(), WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	r, err := npz.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var w0 []float64
	if err := r.Read("0.weight.npy", &w0); err != nil {
		t.Fatal(err)
	}
	if got := r.Header("0.weight.npy").Descr.Shape; len(got) != 2 || got[0] != 3 || got[1] != 2 {
		t.Errorf("npyio sees shape %v, want [3 2]", got)
	}
	f01 := float64(float32(0.1))
	want := []float64{f01, -0.5, 1, 2, 0.25, -3}
	for i := range want {
		if w0[i] != want[i] {
			t.Errorf("0.weight[%d] = %v, want %v", i, w0[i], want[i])
		}
	}
	var hdr npy.Header
	_ = hdr
	if raw := buf.Bytes(); bytes.Contains(raw, []byte("\x93NUMPY")) {
		i := bytes.Index(raw, []byte("\x93NUMPY"))
		hl := int(binary.LittleEndian.Uint16(raw[i+8:]))
		if (10+hl)%64 != 0 {
			t.Errorf("data starts at byte %d of the NPY entry, want a multiple of 64", 10+hl)
		}
	}
}

// A limit error is an *oracle.LimitError under the format error.
func TestReadNPYLimit(t *testing.T) {
	_, err := ReadNPY(bytes.NewReader(npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }\n", f64s(1, 2, 3))), "a.npy", "a", Limits{MaxValues: 2})
	var le *oracle.LimitError
	if !errors.As(err, &le) || le.Limit != "max-values" {
		t.Fatalf("error %v, want a max-values limit error", err)
	}
}
