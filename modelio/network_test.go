package modelio

import (
	"math/big"
	"strings"
	"testing"
)

// tensor is a tensor of the given shape whose values are 1, 2, 3, ….
func tensor(name string, shape ...int) *Tensor {
	n := 1
	for _, d := range shape {
		n *= d
	}
	v := make([]*big.Rat, n)
	for i := range v {
		v[i] = big.NewRat(int64(i+1), 1)
	}
	return &Tensor{Name: name, DType: "F32", Shape: shape, Values: v}
}

// Layers are ordered by their Sequential number, not by name or file
// order: 10 comes after 2.
func TestSequentialOrder(t *testing.T) {
	ts := []*Tensor{
		tensor("net.10.weight", 1, 4), tensor("net.10.bias", 1),
		tensor("net.0.weight", 3, 2), tensor("net.0.bias", 3),
		tensor("net.2.weight", 4, 3), // no bias: zero
	}
	net, err := NetworkFromTensors(ts, "f", nil)
	if err != nil {
		t.Fatal(err)
	}
	if w := net.Widths(); len(w) != 2 || w[0] != 3 || w[1] != 4 || net.InputDim() != 2 {
		t.Fatalf("widths %v, input %d: want [3 4] and 2", w, net.InputDim())
	}
	if net.Layers[0].W[2][1].Cmp(big.NewRat(6, 1)) != 0 {
		t.Errorf("0.weight[2,1] = %s, want 6 (row-major)", net.Layers[0].W[2][1])
	}
	for _, b := range net.Layers[1].B {
		if b.Sign() != 0 {
			t.Errorf("missing bias read as %s, want 0", b)
		}
	}
}

// Explicit layer names give the order; unnamed tensors are refused.
func TestExplicitLayers(t *testing.T) {
	ts := []*Tensor{tensor("fc2.weight", 1, 3), tensor("fc1.weight", 3, 2), tensor("fc1.bias", 3), tensor("fc2.bias", 1)}
	layers, err := ParseLayers(" fc1, fc2")
	if err != nil {
		t.Fatal(err)
	}
	net, err := NetworkFromTensors(ts, "f", layers)
	if err != nil {
		t.Fatal(err)
	}
	if net.InputDim() != 2 || net.Layers[1].Out() != 1 {
		t.Errorf("got input %d, outputs %d", net.InputDim(), net.Layers[1].Out())
	}
	_, err = NetworkFromTensors(ts, "f", nil)
	if err == nil || !strings.Contains(err.Error(), "-layers") || !strings.Contains(err.Error(), "fc1.bias, fc1.weight") {
		t.Errorf("fc names without -layers: %v", err)
	}
	for _, bad := range []string{"fc1,,fc2", "fc1,fc1"} {
		if _, err := ParseLayers(bad); err == nil {
			t.Errorf("ParseLayers(%q) accepted", bad)
		}
	}
}

// Each way a set of tensors fails to be a network is an error naming the
// tensor at fault.
func TestNetworkFromTensorsBad(t *testing.T) {
	for _, c := range []struct {
		name   string
		ts     []*Tensor
		layers []string
		want   string
	}{
		{"empty", nil, nil, "no tensors"},
		{"chain", []*Tensor{tensor("0.weight", 3, 2), tensor("2.weight", 1, 4)}, nil, `"2.weight": weight has shape [1 4]: its 4 inputs do not match the 3 outputs`},
		{"3-d weight", []*Tensor{tensor("0.weight", 3, 2, 1)}, nil, `"0.weight": weight has shape [3 2 1]`},
		{"bias length", []*Tensor{tensor("0.weight", 3, 2), tensor("0.bias", 2)}, nil, `"0.bias": bias has shape [2], want [3]`},
		{"bias alone", []*Tensor{tensor("0.weight", 3, 2), tensor("2.bias", 1)}, nil, `"2.weight": layer 1 (2) has no weight`},
		{"mixed prefix", []*Tensor{tensor("a.0.weight", 3, 2), tensor("b.2.weight", 1, 3)}, nil, `prefix "b." differs`},
		{"same number", []*Tensor{tensor("0.weight", 3, 2), tensor("00.weight", 3, 2)}, nil, "layer number 0"},
		{"extra tensor", []*Tensor{tensor("0.weight", 3, 2), tensor("1.running_mean", 3)}, nil, `"1.running_mean": name is not of nn.Sequential form`},
		{"extra with layers", []*Tensor{tensor("fc.weight", 3, 2), tensor("bn.weight", 3)}, []string{"fc"}, `"bn.weight": tensor is not the weight or bias of a layer in fc`},
		{"duplicate", []*Tensor{tensor("0.weight", 3, 2), tensor("0.weight", 3, 2)}, nil, "twice"},
		{"zero rows", []*Tensor{tensor("0.weight", 0, 2)}, nil, "at least 1"},
	} {
		_, err := NetworkFromTensors(c.ts, "f", c.layers)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
	}
}
