package modelio

// Networks from named tensors. A PyTorch Linear layer named L stores
// L.weight (out × in, the shape of oracle.Layer.W) and L.bias (out); an
// nn.Sequential of Linear and ReLU modules numbers them 0, 1, 2, …, so the
// Linear layers of Sequential(Linear, ReLU, Linear, ReLU, Linear) are 0, 2
// and 4 and a state_dict holds 0.weight, 0.bias, 2.weight, …, 4.bias,
// possibly under a common prefix ("net.0.weight" for a module whose
// Sequential is its attribute net).

import (
	"fmt"
	"math/big"
	"sort"
	"strconv"
	"strings"

	"github.com/ftcheck/ftcheck/oracle"
)

// NetworkFromTensors assembles the network whose affine layers are the
// tensors ts, with ReLU between them. layers names the layers in order
// (fc1 meaning fc1.weight and fc1.bias); when it is empty the order is that
// of nn.Sequential numbering, PREFIX0.weight, PREFIX2.weight, … in numeric
// order with one PREFIX shared by every tensor. A layer without a bias gets
// a zero bias. Every tensor must belong to a layer: a file with other
// tensors (a batch norm's statistics, say) is not a network of Linear layers
// and ReLUs, and reading it as one would not be exact.
//
// The shapes must chain (the in of a layer is the out of the one before);
// any number of outputs C ≥ 1 is read (the last layer's rows).
// Errors are *FormatError naming file and tensor.
func NetworkFromTensors(ts []*Tensor, file string, layers []string) (*oracle.Network, error) {
	byName := make(map[string]*Tensor, len(ts))
	for _, t := range ts {
		if byName[t.Name] != nil {
			return nil, &FormatError{File: file, Tensor: t.Name, Msg: "tensor is in the file twice"}
		}
		byName[t.Name] = t
	}
	if len(layers) == 0 {
		var err error
		if layers, err = sequentialLayers(ts, file); err != nil {
			return nil, err
		}
	}
	used := map[string]bool{}
	net := &oracle.Network{}
	for li, name := range layers {
		l, err := layerFrom(byName, file, name, li, net)
		if err != nil {
			return nil, err
		}
		used[name+".weight"], used[name+".bias"] = true, true
		net.Layers = append(net.Layers, l)
	}
	for _, t := range ts {
		if !used[t.Name] {
			return nil, &FormatError{File: file, Tensor: t.Name,
				Msg: fmt.Sprintf("tensor is not the weight or bias of a layer in %s: ftcheck reads Linear layers with ReLU between them, nothing else", strings.Join(layers, ", "))}
		}
	}
	return net, nil
}

// layerFrom builds layer li, named name, checking it against net's layers
// so far.
func layerFrom(byName map[string]*Tensor, file, name string, li int, net *oracle.Network) (oracle.Layer, error) {
	wn, bn := name+".weight", name+".bias"
	w := byName[wn]
	if w == nil {
		return oracle.Layer{}, &FormatError{File: file, Tensor: wn, Msg: fmt.Sprintf("layer %d (%s) has no weight tensor", li, name)}
	}
	if len(w.Shape) != 2 || w.Shape[0] == 0 || w.Shape[1] == 0 {
		return oracle.Layer{}, &FormatError{File: file, Tensor: wn, Msg: fmt.Sprintf("weight has shape %v, want out × in with both at least 1", w.Shape)}
	}
	out, in := w.Shape[0], w.Shape[1]
	if li > 0 {
		prev := net.Layers[li-1].Out()
		if in != prev {
			return oracle.Layer{}, &FormatError{File: file, Tensor: wn, Msg: fmt.Sprintf("weight has shape %v: its %d inputs do not match the %d outputs of the layer before", w.Shape, in, prev)}
		}
	}
	l := oracle.Layer{W: make([][]*big.Rat, out), B: make([]*big.Rat, out)}
	for r := range l.W {
		l.W[r] = w.Values[r*in : (r+1)*in : (r+1)*in]
	}
	b := byName[bn]
	if b == nil {
		for r := range l.B {
			l.B[r] = new(big.Rat)
		}
		return l, nil
	}
	if len(b.Shape) != 1 || b.Shape[0] != out {
		return oracle.Layer{}, &FormatError{File: file, Tensor: bn, Msg: fmt.Sprintf("bias has shape %v, want [%d] (the weight's rows)", b.Shape, out)}
	}
	copy(l.B, b.Values)
	return l, nil
}

// sequentialLayers finds the layer names of nn.Sequential numbering: every
// tensor is PREFIX<k>.weight or PREFIX<k>.bias with one PREFIX; the layers
// are PREFIX<k> by increasing k.
func sequentialLayers(ts []*Tensor, file string) ([]string, error) {
	if len(ts) == 0 {
		return nil, &FormatError{File: file, Msg: "no tensors: the file holds no network"}
	}
	prefix := ""
	nums := map[int]string{}
	for i, t := range ts {
		p, k, ok := splitSequential(t.Name)
		if !ok {
			return nil, &FormatError{File: file, Tensor: t.Name,
				Msg: fmt.Sprintf("name is not of nn.Sequential form PREFIX<number>.weight or .bias: give the layers in order (-layers NAME,NAME,…; tensors: %s)", sortedNames(ts))}
		}
		if i == 0 {
			prefix = p
		} else if p != prefix {
			return nil, &FormatError{File: file, Tensor: t.Name, Msg: fmt.Sprintf("prefix %q differs from %q of tensor %q: give the layers in order (-layers NAME,NAME,…)", p, prefix, ts[0].Name)}
		}
		layer := strings.TrimSuffix(strings.TrimSuffix(t.Name, ".weight"), ".bias")
		if other, ok := nums[k]; ok && other != layer {
			return nil, &FormatError{File: file, Tensor: t.Name, Msg: fmt.Sprintf("layer number %d is also that of %q", k, other)}
		}
		nums[k] = layer
	}
	ks := make([]int, 0, len(nums))
	for k := range nums {
		ks = append(ks, k)
	}
	sort.Ints(ks)
	names := make([]string, len(ks))
	for i, k := range ks {
		names[i] = nums[k]
	}
	return names, nil
}

// splitSequential splits "net.2.weight" into "net.", 2.
func splitSequential(name string) (prefix string, k int, ok bool) {
	layer, ok := strings.CutSuffix(name, ".weight")
	if !ok {
		if layer, ok = strings.CutSuffix(name, ".bias"); !ok {
			return "", 0, false
		}
	}
	i := len(layer)
	for i > 0 && layer[i-1] >= '0' && layer[i-1] <= '9' {
		i--
	}
	if i == len(layer) || (i > 0 && layer[i-1] != '.') || len(layer)-i > 9 {
		return "", 0, false
	}
	k, _ = strconv.Atoi(layer[i:])
	return layer[:i], k, true
}

// ParseLayers splits a -layers flag value ("fc1,fc2,fc3") into layer names,
// rejecting empty and repeated names.
func ParseLayers(s string) ([]string, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	names := strings.Split(s, ",")
	seen := map[string]bool{}
	for i, n := range names {
		n = strings.TrimSpace(n)
		if n == "" {
			return nil, fmt.Errorf("layer %d of %q is empty", i+1, s)
		}
		if seen[n] {
			return nil, fmt.Errorf("layer %q is named twice in %q", n, s)
		}
		seen[n] = true
		names[i] = n
	}
	return names, nil
}
