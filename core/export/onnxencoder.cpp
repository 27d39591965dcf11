#include "export/onnxencoder.h"

#include <QList>
#include <QStringList>

#include <cstring>

namespace equiscope {

namespace {

// Field numbers and enum values of onnx.proto (the ONNX IR specification), the only parts
// of it this writer needs. docs/guide/reports.md lists the graph each encoder becomes.
namespace field {
constexpr int modelIrVersion = 1, modelProducerName = 2, modelProducerVersion = 3, modelGraph = 7,
              modelOpsetImport = 8;
constexpr int opsetDomain = 1, opsetVersion = 2;
constexpr int graphNode = 1, graphName = 2, graphInitializer = 5, graphInput = 11, graphOutput = 12;
constexpr int nodeInput = 1, nodeOutput = 2, nodeName = 3, nodeOpType = 4, nodeAttribute = 5;
constexpr int attributeName = 1, attributeFloat = 2, attributeInt = 3, attributeInts = 8,
              attributeType = 20;
constexpr int tensorDims = 1, tensorDataType = 2, tensorName = 8, tensorRawData = 9;
constexpr int valueInfoName = 1, valueInfoType = 2;
constexpr int typeTensorType = 1, tensorTypeElemType = 1, tensorTypeShape = 2;
constexpr int shapeDim = 1, dimValue = 1, dimParam = 2;
} // namespace field

constexpr int kAttributeFloat = 1, kAttributeInt = 2, kAttributeInts = 7;
constexpr int kElementFloat = 1;
constexpr qint64 kIrVersion = 7, kOpsetVersion = 13;

/// One protobuf message being written: fields appended in order, nested messages as
/// length-delimited bytes.
class ProtoMessage
{
public:
    void varint(int fieldNumber, quint64 value)
    {
        key(fieldNumber, 0);
        writeVarint(value);
    }
    void bytes(int fieldNumber, const QByteArray &value)
    {
        key(fieldNumber, 2);
        writeVarint(quint64(value.size()));
        m_bytes += value;
    }
    void string(int fieldNumber, const QString &value) { bytes(fieldNumber, value.toUtf8()); }
    void message(int fieldNumber, const ProtoMessage &value) { bytes(fieldNumber, value.m_bytes); }
    void float32(int fieldNumber, float value)
    {
        key(fieldNumber, 5);
        quint32 bits = 0;
        static_assert(sizeof bits == sizeof value);
        std::memcpy(&bits, &value, sizeof bits);
        for (int i = 0; i < 4; ++i)
            m_bytes += char((bits >> (8 * i)) & 0xff);
    }
    const QByteArray &data() const { return m_bytes; }

private:
    void key(int fieldNumber, int wireType) { writeVarint(quint64(fieldNumber) << 3 | wireType); }
    void writeVarint(quint64 v)
    {
        do {
            const char byte = char((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
            m_bytes += byte;
            v >>= 7;
        } while (v);
    }
    QByteArray m_bytes;
};

ProtoMessage intAttribute(const QString &name, qint64 value)
{
    ProtoMessage a;
    a.string(field::attributeName, name);
    a.varint(field::attributeInt, quint64(value));
    a.varint(field::attributeType, kAttributeInt);
    return a;
}

ProtoMessage intsAttribute(const QString &name, const QList<qint64> &values)
{
    ProtoMessage a;
    a.string(field::attributeName, name);
    for (qint64 v : values)
        a.varint(field::attributeInts, quint64(v));
    a.varint(field::attributeType, kAttributeInts);
    return a;
}

ProtoMessage floatAttribute(const QString &name, float value)
{
    ProtoMessage a;
    a.string(field::attributeName, name);
    a.float32(field::attributeFloat, value);
    a.varint(field::attributeType, kAttributeFloat);
    return a;
}

/// A float tensor value: name, element type and shape; a leading 0 in @p shape is the free
/// batch dimension "N".
ProtoMessage floatValueInfo(const QString &name, const QList<qint64> &shape)
{
    ProtoMessage dims;
    for (qint64 d : shape) {
        ProtoMessage dim;
        if (d == 0)
            dim.string(field::dimParam, QStringLiteral("N"));
        else
            dim.varint(field::dimValue, quint64(d));
        dims.message(field::shapeDim, dim);
    }
    ProtoMessage tensorType;
    tensorType.varint(field::tensorTypeElemType, kElementFloat);
    tensorType.message(field::tensorTypeShape, dims);
    ProtoMessage type;
    type.message(field::typeTensorType, tensorType);
    ProtoMessage info;
    info.string(field::valueInfoName, name);
    info.message(field::valueInfoType, type);
    return info;
}

/// The graph of one encoder, built node by node from the state's tensors.
class EncoderGraph
{
public:
    explicit EncoderGraph(const ModelState &state) : m_state(state) {}

    bool has(const QString &tensor) const { return m_state.find(tensor) != nullptr; }

    /// The initializer of @p tensor (added once); records the first missing or non-float
    /// tensor for error().
    QString weight(const QString &tensor)
    {
        if (m_added.contains(tensor))
            return tensor;
        const NamedTensor *t = m_state.find(tensor);
        if (!t || t->dtype != QLatin1String("F32") ||
            t->data.size() != t->elementCount() * NamedTensor::elementSize(t->dtype)) {
            if (m_problem.isEmpty())
                m_problem = t ? QStringLiteral("tensor %1 is %2, not float32 of its shape")
                                    .arg(tensor, t->dtype)
                              : QStringLiteral("the weights have no tensor %1").arg(tensor);
            return tensor;
        }
        ProtoMessage init;
        for (qint64 d : t->shape)
            init.varint(field::tensorDims, quint64(d));
        init.varint(field::tensorDataType, kElementFloat);
        init.string(field::tensorName, tensor);
        init.bytes(field::tensorRawData, t->data); // little-endian float32, C order
        m_initializers << init;
        m_added << tensor;
        return tensor;
    }

    /// The shape of @p tensor (empty when missing).
    std::vector<qint64> shape(const QString &tensor) const
    {
        const NamedTensor *t = m_state.find(tensor);
        return t ? t->shape : std::vector<qint64>{};
    }

    QString node(const QString &op, const QStringList &inputs,
                 const QList<ProtoMessage> &attributes = {})
    {
        const QString output = QStringLiteral("t%1").arg(m_nodes.size());
        ProtoMessage n;
        for (const QString &in : inputs)
            n.string(field::nodeInput, in);
        n.string(field::nodeOutput, output);
        n.string(field::nodeName, QStringLiteral("%1_%2").arg(op).arg(m_nodes.size()));
        n.string(field::nodeOpType, op);
        for (const ProtoMessage &a : attributes)
            n.message(field::nodeAttribute, a);
        m_nodes << n;
        return output;
    }

    /// Conv with the weights at @p prefix (".weight", and ".bias" when the layer has one).
    QString conv(const QString &x, const QString &prefix, qint64 stride, qint64 pad)
    {
        const QString w = weight(prefix + QStringLiteral(".weight"));
        QStringList inputs{x, w};
        if (has(prefix + QStringLiteral(".bias")))
            inputs << weight(prefix + QStringLiteral(".bias"));
        const std::vector<qint64> s = shape(w);
        const qint64 kh = s.size() == 4 ? s[2] : 1, kw = s.size() == 4 ? s[3] : 1;
        return node(QStringLiteral("Conv"), inputs,
                    {intsAttribute(QStringLiteral("kernel_shape"), {kh, kw}),
                     intsAttribute(QStringLiteral("strides"), {stride, stride}),
                     intsAttribute(QStringLiteral("pads"), {pad, pad, pad, pad})});
    }

    /// BatchNormalization with the running statistics at @p prefix (inference), eps as in
    /// LibTorch's BatchNorm default.
    QString batchNorm(const QString &x, const QString &prefix)
    {
        return node(QStringLiteral("BatchNormalization"),
                    {x, weight(prefix + QStringLiteral(".weight")),
                     weight(prefix + QStringLiteral(".bias")),
                     weight(prefix + QStringLiteral(".running_mean")),
                     weight(prefix + QStringLiteral(".running_var"))},
                    {floatAttribute(QStringLiteral("epsilon"), 1e-5f)});
    }

    /// y = x Wᵀ + b with the Linear layer at @p prefix.
    QString linear(const QString &x, const QString &prefix)
    {
        return node(QStringLiteral("Gemm"),
                    {x, weight(prefix + QStringLiteral(".weight")),
                     weight(prefix + QStringLiteral(".bias"))},
                    {intAttribute(QStringLiteral("transB"), 1)});
    }

    QString unary(const QString &op, const QString &x) { return node(op, {x}); }

    QString averagePool2(const QString &x)
    {
        return node(QStringLiteral("AveragePool"), {x},
                    {intsAttribute(QStringLiteral("kernel_shape"), {2, 2}),
                     intsAttribute(QStringLiteral("strides"), {2, 2})});
    }

    QString flatten(const QString &x)
    {
        return node(QStringLiteral("Flatten"), {x}, {intAttribute(QStringLiteral("axis"), 1)});
    }

    const QString &problem() const { return m_problem; }

    /// The serialised ModelProto, the last node's output renamed "representation".
    QByteArray model(const QList<qint64> &inputShape, qint64 outputDim)
    {
        // An Identity node gives the final output a stable name for users and runtimes.
        const QString lastOutput = QStringLiteral("t%1").arg(m_nodes.size() - 1);
        ProtoMessage identity;
        identity.string(field::nodeInput, lastOutput);
        identity.string(field::nodeOutput, QStringLiteral("representation"));
        identity.string(field::nodeName, QStringLiteral("Identity_out"));
        identity.string(field::nodeOpType, QStringLiteral("Identity"));

        ProtoMessage graph;
        for (const ProtoMessage &n : m_nodes)
            graph.message(field::graphNode, n);
        graph.message(field::graphNode, identity);
        graph.string(field::graphName, QStringLiteral("equiscope_encoder"));
        for (const ProtoMessage &i : m_initializers)
            graph.message(field::graphInitializer, i);
        graph.message(field::graphInput, floatValueInfo(QStringLiteral("input"), inputShape));
        graph.message(field::graphOutput,
                      floatValueInfo(QStringLiteral("representation"), {0, outputDim}));

        ProtoMessage opset;
        opset.string(field::opsetDomain, QString());
        opset.varint(field::opsetVersion, kOpsetVersion);
        ProtoMessage model;
        model.varint(field::modelIrVersion, kIrVersion);
        model.string(field::modelProducerName, QStringLiteral("Equiscope"));
        model.string(field::modelProducerVersion, QStringLiteral(EQUISCOPE_VERSION));
        model.message(field::modelGraph, graph);
        model.message(field::modelOpsetImport, opset);
        return model.data();
    }

private:
    const ModelState &m_state;
    QList<ProtoMessage> m_nodes;
    QList<ProtoMessage> m_initializers;
    QStringList m_added;
    QString m_problem;
};

// The graphs mirror the forward() of LeNet, ResNet18 and MlpEncoder in nn/encoders.cpp.

QString leNet(EncoderGraph &g, const QString &input)
{
    QString h = g.averagePool2(g.unary("Tanh", g.conv(input, "backbone.conv1", 1, 0)));
    h = g.averagePool2(g.unary("Tanh", g.conv(h, "backbone.conv2", 1, 0)));
    h = g.flatten(g.unary("Tanh", g.conv(h, "backbone.conv3", 1, 0)));
    return g.unary("Tanh", g.linear(h, "backbone.fc"));
}

QString resNet18(EncoderGraph &g, const QString &input)
{
    QString h = g.unary("Relu", g.batchNorm(g.conv(input, "backbone.stem", 1, 1), "backbone.bn"));
    for (int block = 0; block < 8; ++block) {
        const QString p = QStringLiteral("backbone.layers.%1").arg(block);
        const qint64 stride = (block % 2 == 0 && block > 0) ? 2 : 1;
        QString r = g.unary("Relu", g.batchNorm(g.conv(h, p + ".conv1", stride, 1), p + ".bn1"));
        r = g.batchNorm(g.conv(r, p + ".conv2", 1, 1), p + ".bn2");
        QString shortcut = h;
        if (g.has(p + ".shortcut.0.weight"))
            shortcut = g.batchNorm(g.conv(h, p + ".shortcut.0", stride, 0), p + ".shortcut.1");
        h = g.unary("Relu", g.node("Add", {r, shortcut}));
    }
    return g.flatten(g.unary("GlobalAveragePool", h));
}

QString mlp(EncoderGraph &g, const QString &input)
{
    // Sequential of (Linear, BatchNorm1d, ReLU) per hidden layer: indices 3l, 3l+1, 3l+2.
    QString h = input;
    for (int layer = 0; g.has(QStringLiteral("backbone.net.%1.weight").arg(3 * layer)); ++layer) {
        const QString linear = QStringLiteral("backbone.net.%1").arg(3 * layer);
        const QString norm = QStringLiteral("backbone.net.%1").arg(3 * layer + 1);
        h = g.unary("Relu", g.batchNorm(g.linear(h, linear), norm));
    }
    return h;
}

} // namespace

Expected<QByteArray> onnxEncoderModel(const ModelState &state)
{
    const ModelSpec &spec = state.spec;
    auto error = [&](const QString &detail) {
        return DataError{QStringLiteral("encoder.onnx"), -1, -1, {}, {}, {}, detail};
    };
    if (spec.representationDim <= 0)
        return error(QStringLiteral("the model spec has no representation size"));
    EncoderGraph graph(state);
    QList<qint64> inputShape;
    const QString input = QStringLiteral("input");
    if (spec.encoder == QLatin1String("lenet")) {
        leNet(graph, input);
        inputShape = {0, spec.inChannels, spec.inputSize, spec.inputSize};
    } else if (spec.encoder == QLatin1String("resnet18")) {
        resNet18(graph, input);
        inputShape = {0, spec.inChannels, spec.inputSize, spec.inputSize};
    } else if (spec.encoder == QLatin1String("mlp")) {
        if (mlp(graph, input) == input)
            return error(QStringLiteral("the MLP encoder has no layers (backbone.net.0.weight)"));
        inputShape = {0, spec.inputDim};
    } else {
        return error(QStringLiteral("no ONNX graph for the encoder \"%1\"").arg(spec.encoder));
    }
    if (!graph.problem().isEmpty())
        return error(graph.problem());
    for (qint64 d : inputShape.mid(1))
        if (d <= 0)
            return error(QStringLiteral("the model spec has no input shape"));
    return graph.model(inputShape, spec.representationDim);
}

} // namespace equiscope
