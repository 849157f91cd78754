package main

// Networks out: g, or f+g merged into one network, as JSON (exact), or as
// .safetensors or .npz (floats, with the rounding measured), and how far a
// float evaluation of what was written is from the exact labels.

import (
	"fmt"
	"io"
	"math"
	"math/big"
	"path/filepath"
	"strings"

	"github.com/ftcheck/ftcheck/modelio"
	"github.com/ftcheck/ftcheck/oracle"
)

// outputFormat is the format an output path asks for: "safetensors",
// "npz", or "json" for any other name (g.json, /dev/stdout).
func outputFormat(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".safetensors":
		return "safetensors"
	case ".npz":
		return "npz"
	}
	return "json"
}

// writeNetwork writes n to path in the format of its name through
// writeOutput (whole or not at all, as `> path`). The Export is nil for
// JSON, which is exact.
func writeNetwork(path string, n *oracle.Network, opt modelio.WriteOptions) (*modelio.Export, error) {
	var ex *modelio.Export
	err := writeOutput(path, func(w io.Writer) error {
		var err error
		switch outputFormat(path) {
		case "safetensors":
			ex, err = modelio.WriteSafetensors(w, n, opt)
		case "npz":
			ex, err = modelio.WriteNPZ(w, n, opt)
		default:
			err = n.WriteJSON(w)
		}
		return err
	})
	return ex, err
}

// mergeNetworks is one network computing f+g exactly: the hidden layers of
// f and g side by side (parallel composition), the output layer the sum of
// theirs (row by row for C > 1 outputs). When their depths differ, the
// shallower one is first extended by identity carriers (extendDepth), which
// change no output.
func mergeNetworks(f, g *oracle.Network) *oracle.Network {
	h := max(len(f.Layers), len(g.Layers)) - 1 // hidden layers of the merge
	f, g = extendDepth(f, h), extendDepth(g, h)
	m := &oracle.Network{Layers: make([]oracle.Layer, h+1)}
	for li := range m.Layers {
		lf, lg := f.Layers[li], g.Layers[li]
		if li == h { // output c: [wf wg] (wf + wg when both read x), bf + bg
			var out oracle.Layer
			for c := range lf.W {
				row := append(append([]*big.Rat{}, lf.W[c]...), lg.W[c]...)
				if h == 0 {
					row = make([]*big.Rat, lf.In())
					for j := range row {
						row[j] = new(big.Rat).Add(lf.W[c][j], lg.W[c][j])
					}
				}
				out.W, out.B = append(out.W, row), append(out.B, new(big.Rat).Add(lf.B[c], lg.B[c]))
			}
			m.Layers[li] = out
			continue
		}
		var l oracle.Layer
		if li == 0 { // both read x: stack the rows
			l.W = append(append(l.W, lf.W...), lg.W...)
		} else { // block diagonal
			inF, inG := lf.In(), lg.In()
			for _, r := range lf.W {
				l.W = append(l.W, append(append([]*big.Rat{}, r...), oracle.Zeros(inG)...))
			}
			for _, r := range lg.W {
				l.W = append(l.W, append(oracle.Zeros(inF), r...))
			}
		}
		l.B = append(append([]*big.Rat{}, lf.B...), lg.B...)
		m.Layers[li] = l
	}
	return m
}

// extendDepth returns n with h hidden layers (n itself when it has them):
// each output v_c is carried through the extra layers as the pair σ(v_c),
// σ(−v_c), and v_c = σ(v_c) − σ(−v_c) is the new output c, so the function
// is unchanged.
func extendDepth(n *oracle.Network, h int) *oracle.Network {
	have := len(n.Layers) - 1
	if have >= h {
		return n
	}
	out := n.Layers[have]
	C := out.Out()
	e := &oracle.Network{Layers: append([]oracle.Layer{}, n.Layers[:have]...)}
	var split oracle.Layer
	for c := range out.W {
		neg := make([]*big.Rat, len(out.W[c]))
		for j, v := range out.W[c] {
			neg[j] = new(big.Rat).Neg(v)
		}
		split.W = append(split.W, out.W[c], neg)
		split.B = append(split.B, out.B[c], new(big.Rat).Neg(out.B[c]))
	}
	e.Layers = append(e.Layers, split)
	// pm is the row with sign at σ(v_c) and −sign at σ(−v_c).
	pm := func(c int, sign int64) []*big.Rat {
		row := oracle.Zeros(2 * C)
		row[2*c].SetInt64(sign)
		row[2*c+1].SetInt64(-sign)
		return row
	}
	for len(e.Layers) < h {
		l := oracle.Layer{B: oracle.Zeros(2 * C)}
		for c := 0; c < C; c++ {
			l.W = append(l.W, pm(c, 1), pm(c, -1))
		}
		e.Layers = append(e.Layers, l)
	}
	last := oracle.Layer{B: oracle.Zeros(C)}
	for c := 0; c < C; c++ {
		last.W = append(last.W, pm(c, 1))
	}
	e.Layers = append(e.Layers, last)
	return e
}

// floatNet is a network as a file of dtype stores it, evaluated in float64
// or float32 arithmetic, summing in input order; every product is rounded
// on its own (no fused multiply-add), as the explicit conversions say.
type floatNet struct {
	W [][][]float64
	B [][]float64
}

// newFloatNet rounds every weight of n to the nearest value of dtype
// ("F64" or "F32"), as modelio's writers store it.
func newFloatNet(n *oracle.Network, dtype string) *floatNet {
	round := func(v *big.Rat) float64 {
		if dtype == "F32" {
			f, _ := v.Float32()
			return float64(f)
		}
		f, _ := v.Float64()
		return f
	}
	fn := &floatNet{}
	for _, l := range n.Layers {
		W := make([][]float64, l.Out())
		B := make([]float64, l.Out())
		for r, row := range l.W {
			W[r] = make([]float64, len(row))
			for c, v := range row {
				W[r][c] = round(v)
			}
			B[r] = round(l.B[r])
		}
		fn.W, fn.B = append(fn.W, W), append(fn.B, B)
	}
	return fn
}

func (fn *floatNet) eval64(x []float64) float64 { return fn.eval64Vec(x)[0] }

// eval64Vec is every output in float64.
func (fn *floatNet) eval64Vec(x []float64) []float64 {
	h := x
	for li, W := range fn.W {
		next := make([]float64, len(W))
		for r, row := range W {
			s := fn.B[li][r]
			for c, w := range row {
				s += float64(w * h[c])
			}
			if li < len(fn.W)-1 && s < 0 {
				s = 0
			}
			next[r] = s
		}
		h = next
	}
	return h
}

func (fn *floatNet) eval32(x []float64) float64 { return fn.eval32Vec(x)[0] }

// eval32Vec is every output in float32, widened to float64.
func (fn *floatNet) eval32Vec(x []float64) []float64 {
	h := make([]float32, len(x))
	for i, v := range x {
		h[i] = float32(v)
	}
	for li, W := range fn.W {
		next := make([]float32, len(W))
		for r, row := range W {
			s := float32(fn.B[li][r])
			for c, w := range row {
				s += float32(float32(w) * h[c])
			}
			if li < len(fn.W)-1 && s < 0 {
				s = 0
			}
			next[r] = s
		}
		h = next
	}
	out := make([]float64, len(h))
	for c, v := range h {
		out[c] = float64(v)
	}
	return out
}

// floatCheck is how float evaluation of the exported networks (summed) does
// against the exact labels.
type floatCheck struct {
	maxErr64, maxErr32   *big.Rat // max over rows of |float output − label|
	inf64, inf32         bool     // some output was not finite
	signBad64, signBad32 int      // rows whose float output's sign is not the label's
}

// checkFloat evaluates nets (the deployed model is their sum) in float64
// and float32 on every row of X and compares with Y exactly.
func checkFloat(nets []*floatNet, X [][]*big.Rat, Y []*big.Rat) *floatCheck {
	fc := &floatCheck{maxErr64: new(big.Rat), maxErr32: new(big.Rat)}
	var d big.Rat
	see := func(out float64, y *big.Rat, maxErr *big.Rat, inf *bool, bad *int) {
		if math.IsNaN(out) || math.IsInf(out, 0) {
			*bad++
			*inf = true
			return
		}
		d.SetFloat64(out)
		if d.Sign() != y.Sign() {
			*bad++
		}
		d.Sub(&d, y).Abs(&d)
		if d.Cmp(maxErr) > 0 {
			maxErr.Set(&d)
		}
	}
	x64 := make([]float64, 0)
	for i, x := range X {
		x64 = x64[:0]
		for _, v := range x {
			f, _ := v.Float64()
			x64 = append(x64, f)
		}
		var o64, o32 float64
		var s32 float32
		for _, n := range nets {
			o64 += n.eval64(x64)
			s32 += float32(n.eval32(x64))
		}
		o32 = float64(s32)
		see(o64, Y[i], fc.maxErr64, &fc.inf64, &fc.signBad64)
		see(o32, Y[i], fc.maxErr32, &fc.inf32, &fc.signBad32)
	}
	return fc
}

// print writes the certificate lines of a float check.
func (fc *floatCheck) print(w io.Writer) {
	fmt.Fprintf(w, "float64-max-error: %s\nfloat32-max-error: %s\n", floatErr(fc.maxErr64, fc.inf64), floatErr(fc.maxErr32, fc.inf32))
	if fc.signBad64 == 0 && fc.signBad32 == 0 {
		fmt.Fprintf(w, "float-preserves: sign yes\n")
		return
	}
	fmt.Fprintf(w, "float-preserves: sign no (rows with the wrong sign: %d in float64, %d in float32)\n", fc.signBad64, fc.signBad32)
}

func floatErr(r *big.Rat, inf bool) string {
	if inf {
		return "inf (an output overflowed)"
	}
	if r.Sign() == 0 {
		return "0"
	}
	f, _ := r.Float64()
	return fmt.Sprintf("%.3g", f)
}
