package modelio

// Writing a network to a float file. Every float is a dyadic rational, but
// not every rational is a float: 1/3 is not, nor is a dyadic rational with
// more than 53 significant bits. A writer stores each weight and bias as
// its nearest float (round to nearest, ties to even: big.Rat.Float64 and
// Float32) and says what that cost: Export.Exact is true when every stored
// float equals its exact value, and otherwise MaxError is the largest
// |stored − exact| over all weights and biases, computed exactly in
// rationals, and At names where it is reached. A value whose nearest float
// is an infinity cannot be stored at all (*RangeError).

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"math/big"
	"strconv"

	"github.com/ftcheck/ftcheck/oracle"
	"github.com/nlpodyssey/safetensors"
)

// WriteOptions choose the names and element type of a written network.
type WriteOptions struct {
	// Layers names the layers in order (their tensors are NAME.weight and
	// NAME.bias); empty means nn.Sequential numbering 0, 2, 4, …, which a
	// Sequential(Linear, ReLU, Linear, …) loads with load_state_dict.
	Layers []string
	// DType is "F64" (the default) or "F32".
	DType string
}

// Export says how exactly a written file holds the network.
type Export struct {
	DType    string   // "F64" or "F32"
	Values   int      // weights and biases written
	Inexact  int      // how many of them were rounded
	Exact    bool     // Inexact == 0
	MaxError *big.Rat // max |stored − exact| (0 when Exact)
	At       string   // where MaxError is reached: "2.weight[0,3]" ("" when Exact)
}

// String is one line for a certificate: "exact (F64)" or
// "not exact (F64): 3 of 40 values rounded, max error 1/2^55 ≈ 2.8e-17 at 0.weight[1,0]".
func (e *Export) String() string {
	if e.Exact {
		return fmt.Sprintf("exact (%s)", e.DType)
	}
	f, _ := e.MaxError.Float64()
	return fmt.Sprintf("not exact (%s): %d of %d values rounded, max error %s ≈ %.3g at %s",
		e.DType, e.Inexact, e.Values, oracle.FormatRat(e.MaxError), f, e.At)
}

// floatTensors rounds net to opt's float type, one weight and one bias
// tensor per layer, and measures the rounding.
func floatTensors(net *oracle.Network, opt WriteOptions) ([]rawTensor, *Export, error) {
	names, err := layerNames(net, opt.Layers)
	if err != nil {
		return nil, nil, err
	}
	ex := &Export{DType: opt.DType, MaxError: new(big.Rat)}
	if ex.DType == "" {
		ex.DType = "F64"
	}
	if ex.DType != "F64" && ex.DType != "F32" {
		panic("modelio: WriteOptions.DType must be F64 or F32, not " + strconv.Quote(opt.DType))
	}
	var ts []rawTensor
	for li, l := range net.Layers {
		w := rawTensor{name: names[li] + ".weight", shape: []int{l.Out(), l.In()}}
		for r, row := range l.W {
			for c, v := range row {
				if w.data, err = ex.appendFloat(w.data, v, w.name, []int{r, c}); err != nil {
					return nil, nil, err
				}
			}
		}
		b := rawTensor{name: names[li] + ".bias", shape: []int{l.Out()}}
		for r, v := range l.B {
			if b.data, err = ex.appendFloat(b.data, v, b.name, []int{r}); err != nil {
				return nil, nil, err
			}
		}
		ts = append(ts, w, b)
	}
	ex.Exact = ex.Inexact == 0
	dt := safetensors.F64
	if ex.DType == "F32" {
		dt = safetensors.F32
	}
	for i := range ts {
		ts[i].dtype = dt
	}
	return ts, ex, nil
}

// appendFloat appends the nearest float of v, little-endian, and records
// its error.
func (ex *Export) appendFloat(buf []byte, v *big.Rat, tensor string, ix []int) ([]byte, error) {
	var f float64
	if ex.DType == "F32" {
		f32, _ := v.Float32()
		buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(f32))
		f = float64(f32)
	} else {
		f, _ = v.Float64()
		buf = binary.LittleEndian.AppendUint64(buf, math.Float64bits(f))
	}
	if math.IsInf(f, 0) {
		s := oracle.FormatRat(v)
		if len(s) > 40 {
			s = s[:20] + "…" + s[len(s)-20:]
		}
		return nil, &RangeError{Tensor: tensor, Index: ix, DType: ex.DType, Value: s}
	}
	ex.Values++
	d := new(big.Rat).SetFloat64(f)
	d.Sub(d, v).Abs(d)
	if d.Sign() != 0 {
		ex.Inexact++
		if d.Cmp(ex.MaxError) > 0 {
			ex.MaxError, ex.At = d, tensor+formatIndex(ix)
		}
	}
	return buf, nil
}

// layerNames are the names of net's layers: given, or 0, 2, 4, ….
func layerNames(net *oracle.Network, given []string) ([]string, error) {
	if len(given) > 0 {
		if len(given) != len(net.Layers) {
			return nil, fmt.Errorf("modelio: %d layer names for a network of %d layers", len(given), len(net.Layers))
		}
		return given, nil
	}
	names := make([]string, len(net.Layers))
	for i := range names {
		names[i] = strconv.Itoa(2 * i)
	}
	return names, nil
}

// WriteSafetensors writes net as a .safetensors file (a PyTorch state_dict
// of Linear layers) and says how exactly it holds net's values. Nothing is
// written when it returns an error before writing (a *RangeError).
func WriteSafetensors(w io.Writer, net *oracle.Network, opt WriteOptions) (*Export, error) {
	ts, ex, err := floatTensors(net, opt)
	if err != nil {
		return nil, err
	}
	return ex, writeSafetensors(w, ts)
}

// WriteNPZ writes net as a .npz archive, one array per weight and bias (as
// numpy.savez(f, **state_dict) does), and says how exactly it holds net's
// values.
func WriteNPZ(w io.Writer, net *oracle.Network, opt WriteOptions) (*Export, error) {
	ts, ex, err := floatTensors(net, opt)
	if err != nil {
		return nil, err
	}
	descr := "<f8"
	if ex.DType == "F32" {
		descr = "<f4"
	}
	zw := npzWriter{zw: newZipWriter(w)}
	for _, t := range ts {
		if err := zw.write(t, descr); err != nil {
			return nil, err
		}
	}
	return ex, zw.zw.Close()
}
