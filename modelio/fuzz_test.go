package modelio

import (
	"archive/zip"
	"bytes"
	"testing"
)

// fuzzLimits keep each input's work small.
var fuzzLimits = Limits{MaxValues: 1 << 16}

// checkTensors asserts what every successful read promises: each tensor
// has ∏shape values, none nil; and whatever network or data set they make
// survives an exact round trip through the writers when its values are
// float64s.
func checkTensors(t *testing.T, ts []*Tensor) {
	for _, tn := range ts {
		n := 1
		for _, d := range tn.Shape {
			n *= d
		}
		if n != len(tn.Values) {
			t.Fatalf("tensor %q: shape %v but %d values", tn.Name, tn.Shape, len(tn.Values))
		}
		for i, v := range tn.Values {
			if v == nil {
				t.Fatalf("tensor %q: value %d is nil", tn.Name, i)
			}
		}
	}
	net, err := NetworkFromTensors(ts, "fuzz", nil)
	if err != nil {
		DataFromNPZ(ts, "fuzz") // must not panic either
		return
	}
	var buf bytes.Buffer
	ex, err := WriteSafetensors(&buf, net, WriteOptions{})
	if err != nil || !ex.Exact {
		return // integers beyond 2^53 are not float64s
	}
	back, err := ReadSafetensors(&buf, "fuzz", fuzzLimits)
	if err != nil {
		t.Fatalf("reading what WriteSafetensors wrote: %v", err)
	}
	net2, err := NetworkFromTensors(back, "fuzz", nil)
	if err != nil {
		t.Fatalf("network of what WriteSafetensors wrote: %v", err)
	}
	if d := sameNet(net, net2); d != "" {
		t.Fatalf("round trip: %s", d)
	}
}

// Any bytes are read as a safetensors file or refused with an error.
func FuzzReadSafetensors(f *testing.F) {
	f.Add(fixtureFile(f))
	for _, c := range badSafetensors {
		f.Add(c.file)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ts, err := ReadSafetensors(bytes.NewReader(data), "fuzz", fuzzLimits)
		if err == nil {
			checkTensors(t, ts)
		}
	})
}

// Any bytes are read as a .npz archive or refused with an error. Random
// archive bytes rarely pass the zip CRCs, so each input also builds a valid
// archive around fuzzed entry names and contents (stored or deflated) to
// reach the NPY and network code behind them.
func FuzzReadNPZ(f *testing.F) {
	one := string(npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 1), }\n", []byte{0xCD, 0xCC, 0xCC, 0x3D, 0, 0, 0x80, 0xBF}))
	b := string(npyFile("{'descr': '<f2', 'fortran_order': False, 'shape': (2,), }\n", []byte{0, 0x3C, 1, 0}))
	var buf bytes.Buffer
	WriteNPZ(&buf, fixtureNet(), WriteOptions{DType: "F32"})
	for _, archive := range [][]byte{
		zipOf(f, zip.Store, [2]string{"0.weight.npy", one}, [2]string{"0.bias.npy", b}),
		zipOf(f, zip.Deflate, [2]string{"X.npy", one}, [2]string{"y.npy", b}),
		buf.Bytes(),
	} {
		f.Add(archive, "0.weight.npy", []byte(one), "0.bias.npy", []byte(b), false)
	}
	f.Add([]byte{}, "X.npy", []byte(one), "y.npy", []byte(b), true)
	f.Fuzz(func(t *testing.T, data []byte, name1 string, npy1 []byte, name2 string, npy2 []byte, deflate bool) {
		ts, err := ReadNPZ(bytes.NewReader(data), int64(len(data)), "fuzz", fuzzLimits)
		if err == nil {
			checkTensors(t, ts)
		}
		if len(name1) > 1<<10 || len(name2) > 1<<10 {
			return // zip refuses names over 65535 bytes; long names test nothing more
		}
		method := zip.Store
		if deflate {
			method = zip.Deflate
		}
		archive := zipOf(t, method, [2]string{name1, string(npy1)}, [2]string{name2, string(npy2)})
		ts, err = ReadNPZ(bytes.NewReader(archive), int64(len(archive)), "fuzz", fuzzLimits)
		if err == nil {
			checkTensors(t, ts)
		}
	})
}

// Any bytes are read as a .npy file or refused with an error; what is read
// is written back and read again unchanged when its values are float64s.
func FuzzReadNPY(f *testing.F) {
	for _, c := range badNPY {
		f.Add(c.file)
	}
	f.Add(npyFile("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }\n", f64s(1, 4, 2, 5, 3, 6)))
	f.Add(npyFile("{'descr': '>u2', 'fortran_order': False, 'shape': (1, 1, 1), }\n", []byte{1, 2}))
	f.Fuzz(func(t *testing.T, data []byte) {
		tn, err := ReadNPY(bytes.NewReader(data), "fuzz", "a", fuzzLimits)
		if err != nil {
			return
		}
		checkTensors(t, []*Tensor{tn})
		raw := rawTensor{name: "a", shape: tn.Shape}
		ex := &Export{DType: "F64", MaxError: ratF(0)}
		for i, v := range tn.Values {
			if raw.data, err = ex.appendFloat(raw.data, v, "a", []int{i}); err != nil {
				return
			}
		}
		if ex.Inexact > 0 {
			return
		}
		var buf bytes.Buffer
		if err := writeNPY(&buf, raw, "<f8"); err != nil {
			t.Fatal(err)
		}
		back, err := ReadNPY(&buf, "fuzz", "a", fuzzLimits)
		if err != nil {
			t.Fatalf("reading what writeNPY wrote: %v", err)
		}
		for i := range tn.Values {
			if back.Values[i].Cmp(tn.Values[i]) != 0 {
				t.Fatalf("value %d: %s written, %s read", i, tn.Values[i].RatString(), back.Values[i].RatString())
			}
		}
	})
}
