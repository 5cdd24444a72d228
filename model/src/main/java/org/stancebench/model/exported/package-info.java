/**
 * Text classifiers exported from Python (ONNX or TorchScript) with a Hugging Face
 * {@code tokenizer.json} and a label sidecar, run through DJL. Not a registered, trainable
 * classifier family: such a model is already trained, so it is opened from its files
 * ({@code --model-path}, {@code --tokenizer}, {@code --labels} on the command line).
 */
package org.stancebench.model.exported;
