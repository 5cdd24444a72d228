package org.stancebench.model.cnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The Kim (2014) network as one DJL block: embedding, parallel 1-D convolutions (as matrix products
 * over gathered windows, see {@link #logits}), ReLU, max over time, dropout (a mask given as input),
 * linear output (logits).
 *
 * <p>Inputs: {@code ids} (int64 {@code [batch, time]}), then optionally a dropout mask
 * ({@code [batch, features]}, already scaled) and one additive window mask per filter width
 * ({@code [batch, time - width + 1]}: 0 for windows inside a text's own padded length, a large
 * negative number beyond it) so a padded batch computes exactly what each text would alone.
 */
final class TextCnnBlock extends AbstractBlock {

    static final float MASKED = -1e9f;

    private final int classes;
    private final int[] widths;
    private final Parameter embedding;
    private final Parameter[] conv;
    private final Parameter[] convBias;
    private final Parameter linear;
    private final Parameter linearBias;

    TextCnnBlock(int vocab, TextCnnConfig config, int classes) {
        this.classes = classes;
        this.widths = config.widths();
        int dim = config.embeddingDim();
        int filters = config.filters();
        embedding = addParameter(Parameter.builder().setName("embedding").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(vocab, dim)).build());
        conv = new Parameter[widths.length];
        convBias = new Parameter[widths.length];
        for (int g = 0; g < widths.length; g++) {
            conv[g] = addParameter(Parameter.builder().setName("conv" + g + "_weight").setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(filters, dim, widths[g])).build());
            convBias[g] = addParameter(Parameter.builder().setName("conv" + g + "_bias").setType(Parameter.Type.BIAS)
                    .optShape(new Shape(filters)).build());
        }
        linear = addParameter(Parameter.builder().setName("out_weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(classes, config.features())).build());
        linearBias = addParameter(Parameter.builder().setName("out_bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(classes)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray ids = inputs.get(0);
        NDArray[] cw = new NDArray[widths.length];
        NDArray[] cb = new NDArray[widths.length];
        for (int g = 0; g < widths.length; g++) {
            cw[g] = store.getValue(conv[g], ids.getDevice(), training);
            cb[g] = store.getValue(convBias[g], ids.getDevice(), training);
        }
        NDArray dropMask = inputs.size() > 1 ? inputs.get(1) : null;
        NDArray[] windowMasks = null;
        if (inputs.size() > 2) {
            windowMasks = new NDArray[widths.length];
            for (int g = 0; g < widths.length; g++) {
                windowMasks[g] = inputs.get(2 + g);
            }
        }
        return new NDList(logits(ids, store.getValue(embedding, ids.getDevice(), training), cw, cb,
                store.getValue(linear, ids.getDevice(), training), store.getValue(linearBias, ids.getDevice(), training),
                dropMask, windowMasks));
    }

    /**
     * The network's forward pass over given parameter arrays (training and the DJL reference use it).
     *
     * <p>Each convolution is computed as a matrix product, not with a convolution op: the embedded
     * text {@code [batch, time, dim]} is cut into its {@code width} shifted slices, which side by
     * side are the windows {@code [batch, windows, width * dim]} (window {@code p} holds the
     * embeddings of tokens {@code p .. p + width - 1}, position-major), and those are multiplied by
     * the filter weights re-laid out as {@code [filters, width * dim]} ({@link Linear#linear}).
     * PyTorch's CPU convolution goes through oneDNN, which picks its kernels by the CPU's
     * instruction set; its input gradient is wrong, differently from call to call and sometimes NaN
     * (as if read from uninitialised channel padding), when the filter count is not a multiple of
     * the kernel's channel block (16 with AVX-512, 8 with AVX2), which made training on AVX-512
     * machines diverge. Slices, concatenation
     * and a matrix product have exact, kernel-independent gradients. The parameters keep PyTorch's
     * convolution layout {@code [filters, dim, width]}, so saved weights and {@link TextCnnWeights}
     * are unchanged.
     */
    static NDArray logits(NDArray ids, NDArray embedding, NDArray[] conv, NDArray[] convBias, NDArray linear,
                          NDArray linearBias, NDArray dropMask, NDArray[] windowMasks) {
        NDArray x = Embedding.embedding(ids.toType(DataType.INT64, false), embedding, SparseFormat.DENSE)
                .singletonOrThrow();
        long time = x.getShape().get(1);
        NDList pooled = new NDList();
        for (int g = 0; g < conv.length; g++) {
            Shape shape = conv[g].getShape();
            long filters = shape.get(0);
            long dim = shape.get(1);
            int width = Math.toIntExact(shape.get(2));
            long windows = time - width + 1;
            NDList slices = new NDList(width);
            for (int j = 0; j < width; j++) {
                slices.add(x.get(new NDIndex(":, {}:{}, :", j, j + windows)));
            }
            NDArray w = width == 1 ? slices.get(0) : NDArrays.concat(slices, 2);
            // DJL gives a result to its first operand's manager: attached to the input's, the
            // re-laid-out filter is freed with each training step, not kept with the parameters.
            NDArray positionMajor = conv[g].transpose(0, 2, 1);
            positionMajor.attach(x.getManager());
            NDArray filter = positionMajor.reshape(filters, width * dim);
            NDArray c = Linear.linear(w, filter, convBias[g]).singletonOrThrow();
            if (windowMasks != null) {
                c = c.add(windowMasks[g].expandDims(2));
            }
            // relu, not maximum(0f): DJL wraps a number in a tensor over a direct buffer and closes it
            // right after the operation, but autograd keeps it for the backward pass, so a garbage
            // collection in between made the ReLU's gradient read freed memory. relu keeps no operand.
            pooled.add(Activation.relu(c.max(new int[] {1})));
        }
        NDArray h = NDArrays.concat(pooled, 1);
        if (dropMask != null) {
            h = h.mul(dropMask);
        }
        return Linear.linear(h, linear, linearBias).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), classes)};
    }

    Parameter embedding() {
        return embedding;
    }

    Parameter conv(int g) {
        return conv[g];
    }

    Parameter convBias(int g) {
        return convBias[g];
    }

    Parameter linear() {
        return linear;
    }

    Parameter linearBias() {
        return linearBias;
    }
}
