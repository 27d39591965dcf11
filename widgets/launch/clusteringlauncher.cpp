#include "launch/clusteringlauncher.h"

#include "common/formfields.h"
#include "datasets/datasetcache.h"
#include "launch/computechoice.h"

#include "clustering/clusteringjob.h"
#include "data/dataset.h"
#include "families/familyregistry.h"
#include "jobs/jobqueue.h"
#include "store/runstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <limits>

namespace equiscope {

namespace {

QLineEdit *lineEdit(const QString &name, const QString &placeholder, const QString &tip)
{
    auto *edit = new QLineEdit;
    edit->setAccessibleName(name);
    edit->setPlaceholderText(placeholder);
    edit->setToolTip(tip);
    return edit;
}

/// A line edit with a Browse… button that opens a file dialog.
QWidget *withBrowse(QLineEdit *edit, QWidget *parent, const QString &title)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *browse = new QPushButton(ClusteringLauncher::tr("Browse…"));
    browse->setAccessibleName(ClusteringLauncher::tr("Browse for %1").arg(title));
    QObject::connect(browse, &QPushButton::clicked, parent, [edit, parent, title] {
        const QString file = QFileDialog::getOpenFileName(parent, title, edit->text());
        if (!file.isEmpty())
            edit->setText(file);
    });
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    return row;
}

} // namespace

ClusteringLauncher::ClusteringLauncher(JobQueue *queue, QWidget *parent)
    : LauncherForm(RunFamily::Clustering, queue, parent)
{
    const ClusteringConfig d;
    m_source = new QComboBox;
    m_source->setAccessibleName(tr("Input"));
    m_source->addItem(tr("Feature files (features.bin + labels.meta)"), QStringLiteral("files"));
    m_source->addItem(tr("Embeddings of a trained run"), QStringLiteral("run"));
    m_source->setToolTip(tr("Cluster precomputed features, or the representations a finished "
                            "FARE-family run's encoder gives a dataset."));

    m_features = lineEdit(tr("Features file"), tr("features.bin, .csv or .npy"),
                          tr("float32 N×D without header (features.bin), or a CSV / NPY matrix."));
    m_labels = lineEdit(tr("Labels file"), tr("default: labels.meta beside the features"),
                        tr("One integer cluster label (identity / class) per line."));
    m_groups = lineEdit(tr("Groups file"), tr("optional"),
                        tr("One sensitive-group label per line; used for evaluation only."));
    m_dim = spinBox(0, 1 << 20, 0, tr("Feature dimension"),
                    tr("D of features.bin; 0 = inferred from the file size and the labels."));
    auto *filesPage = new QWidget;
    auto *files = new QFormLayout(filesPage);
    files->setContentsMargins(0, 0, 0, 0);
    files->addRow(tr("&Features:"), withBrowse(m_features, this, tr("features file")));
    files->addRow(tr("La&bels:"), withBrowse(m_labels, this, tr("labels file")));
    files->addRow(tr("&Groups:"), withBrowse(m_groups, this, tr("groups file")));
    files->addRow(tr("&Dimension:"), m_dim);

    m_run = new QComboBox;
    m_run->setAccessibleName(tr("Source run"));
    m_run->setToolTip(tr("A finished FARE-family run; its final checkpoint embeds the run's "
                         "dataset."));
    auto *refresh = new QPushButton(tr("Refresh"));
    refresh->setAccessibleName(tr("Refresh runs"));
    connect(refresh, &QPushButton::clicked, this, &ClusteringLauncher::refreshRuns);
    auto *runRow = new QWidget;
    auto *runLayout = new QHBoxLayout(runRow);
    runLayout->setContentsMargins(0, 0, 0, 0);
    runLayout->addWidget(m_run, 1);
    runLayout->addWidget(refresh);
    m_views = spinBox(1, 1000, d.views, tr("Views per sample"),
                      tr("1: the test-time embedding, clusters are the identity attribute. "
                         "More: every source image becomes an identity of this many augmented "
                         "views (many identities from a class-labelled dataset)."));
    m_sampleSplit = new QComboBox;
    m_sampleSplit->addItems({QStringLiteral("test"), QStringLiteral("train"), QStringLiteral("val"),
                             QStringLiteral("all")});
    m_sampleSplit->setAccessibleName(tr("Sample split"));
    m_sampleSplit->setToolTip(tr("Which split of the source dataset is embedded."));
    m_sampleLimit = spinBox(0, std::numeric_limits<int>::max(), 0, tr("Sample limit"),
                            tr("Source samples embedded (0 = all), drawn with the seed."));
    auto *runPage = new QWidget;
    auto *runForm = new QFormLayout(runPage);
    runForm->setContentsMargins(0, 0, 0, 0);
    runForm->addRow(tr("&Run:"), runRow);
    runForm->addRow(tr("&Views:"), m_views);
    runForm->addRow(tr("S&plit:"), m_sampleSplit);
    runForm->addRow(tr("Sample li&mit:"), m_sampleLimit);

    m_sourcePages = new QStackedWidget;
    m_sourcePages->addWidget(filesPage);
    m_sourcePages->addWidget(runPage);
    connect(m_source, &QComboBox::currentIndexChanged, m_sourcePages,
            &QStackedWidget::setCurrentIndex);
    connect(m_source, &QComboBox::currentIndexChanged, this, &ClusteringLauncher::sourceChanged);
    connect(m_run, &QComboBox::currentIndexChanged, this, &ClusteringLauncher::loadRunAttributes);

    m_identity = lineEdit(tr("Identity attribute"), QString(),
                          tr("The attribute holding the true cluster (label for feature files)."));
    m_identity->setText(d.identity);
    m_sensitive = lineEdit(tr("Sensitive attributes"), QString(),
                           tr("Evaluation groups, comma separated (group for a groups file, e.g. "
                              "color for Colored MNIST). Never used in training."));
    m_sensitive->setText(d.sensitive.join(QLatin1Char(',')));
    // From a run, the sensitive attributes are picked from its dataset's attributes: a free-text
    // name the dataset lacks would leave the run without groups.
    m_sensitiveList = new QListWidget;
    m_sensitiveList->setAccessibleName(tr("Sensitive attributes of the run's dataset"));
    m_sensitiveList->setToolTip(tr("Evaluation groups: the checked attributes of the source run's "
                                   "dataset, intersected. Never used in training."));
    m_sensitiveList->setMaximumHeight(m_sensitiveList->fontMetrics().height() * 6);
    m_sensitivePages = new QStackedWidget;
    m_sensitivePages->addWidget(m_sensitive);
    m_sensitivePages->addWidget(m_sensitiveList);
    m_sensitivePages->setFocusProxy(m_sensitive);
    m_subsampleGroup = lineEdit(tr("Under-represented group"), tr("none"),
                                tr("Keep only a fraction of this group's identities, to study an "
                                   "under-represented group."));
    m_subsampleFraction = realBox(0.01, 1.0, 1.0, 2, tr("Kept fraction"),
                                  tr("Fraction of that group's identities kept."));
    m_minGroupSize = spinBox(1, 1 << 20, d.minGroupSize, tr("Minimum group size"),
                             tr("Smaller groups are reported but left out of the std across "
                                "groups."));
    auto *subsampleRow = new QWidget;
    auto *subsampleLayout = new QHBoxLayout(subsampleRow);
    subsampleLayout->setContentsMargins(0, 0, 0, 0);
    subsampleLayout->addWidget(m_subsampleGroup, 1);
    subsampleLayout->addWidget(new QLabel(tr("keep")));
    subsampleLayout->addWidget(m_subsampleFraction);

    auto *input = new QFormLayout;
    input->addRow(tr("&Input:"), m_source);
    input->addRow(m_sourcePages);
    input->addRow(tr("&Identity:"), m_identity);
    input->addRow(tr("&Sensitive:"), m_sensitivePages);
    input->addRow(tr("&Rare group:"), subsampleRow);
    input->addRow(tr("Min group si&ze:"), m_minGroupSize);
    auto *inputBox = new QGroupBox(tr("Input"));
    inputBox->setLayout(input);

    m_name = lineEdit(tr("Run name"), tr("Named after method and input when empty"), {});
    auto *method = new QComboBox;
    method->setAccessibleName(tr("Clustering method"));
    auto *methodDescription = new QLabel;
    methodDescription->setWordWrap(true);
    m_epochs = spinBox(1, 10000, d.epochs, tr("Epochs"), tr("Passes over the train anchors."));
    m_batch = spinBox(1, 4096, d.batchSize, tr("Anchors per step"),
                      tr("Each anchor is a sequence of k tokens."));
    m_learningRate = realBox(1e-6, 1.0, d.learningRate, 6, tr("Learning rate"),
                             tr("Peak AdamW learning rate (cosine decay to a tenth)."));
    m_anchors = spinBox(0, std::numeric_limits<int>::max(), 0, tr("Anchors per epoch"),
                        tr("Train anchors drawn per epoch (0 = all)."));
    m_seed = spinBox(0, std::numeric_limits<int>::max(), int(d.seed), tr("Seed"),
                     tr("Seeds the identity split, initialisation and batches."));
    m_valFraction = realBox(0.01, 0.9, d.valFraction, 2, tr("Validation fraction"),
                            tr("Identities used to choose the thresholds."));
    m_testFraction = realBox(0.01, 0.9, d.testFraction, 2, tr("Test fraction"),
                             tr("Identities the metrics are computed on."));
    auto *training = new QFormLayout;
    training->addRow(tr("&Name:"), m_name);
    training->addRow(tr("&Method:"), method);
    training->addRow(QString(), methodDescription);
    training->addRow(tr("E&pochs:"), m_epochs);
    training->addRow(tr("&Batch:"), m_batch);
    training->addRow(tr("&Learning rate:"), m_learningRate);
    training->addRow(tr("&Anchors per epoch:"), m_anchors);
    training->addRow(tr("See&d:"), m_seed);
    m_compute = new ComputeChoice(ReducedPrecisionOn::CudaOnly);
    training->addRow(tr("Device:"), m_compute);
    connect(m_compute, &ComputeChoice::changed, this, &ClusteringLauncher::updateValidation);
    training->addRow(tr("&Validation identities:"), m_valFraction);
    training->addRow(tr("&Test identities:"), m_testFraction);
    auto *trainingBox = new QGroupBox(tr("Method and training"));
    trainingBox->setLayout(training);

    auto *optionsBox = new QGroupBox(tr("Method options"));
    auto *optionsForm = new QFormLayout(optionsBox);

    auto *left = new QVBoxLayout;
    left->addWidget(inputBox);
    left->addWidget(trainingBox);
    left->addStretch(1);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 3);
    columns->addWidget(optionsBox, 2, Qt::AlignTop);
    auto *content = new QWidget;
    content->setLayout(columns);
    setUpPage(content, method, methodDescription, optionsForm, tr("&Launch clustering"),
              tr("Launch clustering run"));
    for (QLineEdit *e :
         {m_features, m_labels, m_groups, m_identity, m_sensitive, m_subsampleGroup, m_name})
        connect(e, &QLineEdit::textChanged, this, &ClusteringLauncher::updateValidation);
    for (QSpinBox *b :
         {m_dim, m_views, m_sampleLimit, m_minGroupSize, m_epochs, m_batch, m_anchors, m_seed})
        connect(b, &QSpinBox::valueChanged, this, &ClusteringLauncher::updateValidation);
    for (QDoubleSpinBox *b : {m_subsampleFraction, m_learningRate, m_valFraction, m_testFraction})
        connect(b, &QDoubleSpinBox::valueChanged, this, &ClusteringLauncher::updateValidation);
    for (QComboBox *b : {m_source, m_run, m_sampleSplit})
        connect(b, &QComboBox::currentIndexChanged, this, &ClusteringLauncher::updateValidation);
    connect(&m_attributesWatcher, &QFutureWatcherBase::finished, this,
            &ClusteringLauncher::showRunAttributes);
    connect(m_sensitiveList, &QListWidget::itemChanged, this,
            &ClusteringLauncher::updateValidation);
    connect(&m_runsWatcher, &QFutureWatcherBase::finished, this, [this] {
        const QString current = m_run->currentData().toString();
        const QSignalBlocker block(m_run);
        m_run->clear();
        m_sourceRuns.clear();
        for (const RunRecord &r : m_runsWatcher.result()) {
            m_run->addItem(QStringLiteral("%1 · %2 (%3)").arg(r.name, r.method, r.id.left(8)),
                           r.id);
            m_sourceRuns.insert(r.id, r);
        }
        const int keep = m_run->findData(current);
        if (keep >= 0)
            m_run->setCurrentIndex(keep);
        loadRunAttributes();
        updateValidation();
        Q_EMIT runsLoaded();
    });

    rebuildOptions();
    updateValidation();
}

ClusteringLauncher::~ClusteringLauncher()
{
    m_runsWatcher.waitForFinished();
    m_attributesWatcher.waitForFinished();
}

void ClusteringLauncher::sourceChanged()
{
    const bool fromRun = m_source->currentData().toString() == QLatin1String("run");
    m_sensitivePages->setCurrentIndex(fromRun ? 1 : 0);
    m_sensitivePages->setFocusProxy(fromRun ? static_cast<QWidget *>(m_sensitiveList)
                                            : static_cast<QWidget *>(m_sensitive));
    loadRunAttributes();
}

void ClusteringLauncher::loadRunAttributes()
{
    const QString runId = m_run->currentData().toString();
    if (m_source->currentData().toString() != QLatin1String("run") || runId.isEmpty() ||
        runId == m_attributesRun)
        return;
    // What was checked stays wanted across a change of run.
    if (!m_attributesRun.isEmpty() && m_attributesError.isEmpty())
        m_wantedSensitive = checkedSensitive();
    m_attributesRun = runId;
    m_datasetAttributes.clear();
    m_attributesError.clear();
    m_sensitiveList->clear();
    const QJsonObject spec =
        m_sourceRuns.value(runId).config.value(QStringLiteral("dataset")).toObject();
    if (spec.isEmpty()) {
        // The run list has not been read yet (a config set before the store): wait for it.
        m_attributesRun.clear();
        return;
    }
    m_attributesWatcher.setFuture(QtConcurrent::run([runId, spec] {
        RunAttributes result;
        result.runId = runId;
        QString error;
        if (const auto ds = openCachedDataset(spec, &error))
            result.names = ds->attributes.names();
        else
            result.error = error;
        return result;
    }));
    updateValidation();
}

void ClusteringLauncher::showRunAttributes()
{
    const RunAttributes result = m_attributesWatcher.result();
    if (result.runId != m_attributesRun)
        return; // an older run's answer
    m_datasetAttributes = result.names;
    m_attributesError = result.error;
    QStringList wanted = m_wantedSensitive;
    if (wanted.isEmpty()) {
        // Nothing chosen yet: the groups the source run itself was trained to be fair to.
        wanted.clear();
        for (const QJsonValue &v :
             m_sourceRuns.value(result.runId).config.value(QStringLiteral("sensitive")).toArray())
            wanted << v.toString();
    }
    const QSignalBlocker block(m_sensitiveList);
    m_sensitiveList->clear();
    for (const QString &name : result.names) {
        auto *item = new QListWidgetItem(name, m_sensitiveList);
        item->setData(Qt::UserRole, name);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(wanted.contains(name) ? Qt::Checked : Qt::Unchecked);
    }
    // A name the dataset lacks (from a saved config) is shown, checked, and refused.
    for (const QString &name : wanted) {
        if (result.names.contains(name) || !result.error.isEmpty())
            continue;
        auto *item = new QListWidgetItem(tr("%1 (not in the dataset)").arg(name), m_sensitiveList);
        item->setData(Qt::UserRole, name);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    updateValidation();
    Q_EMIT runAttributesLoaded();
}

QStringList ClusteringLauncher::checkedSensitive() const
{
    QStringList names;
    for (int i = 0; i < m_sensitiveList->count(); ++i)
        if (m_sensitiveList->item(i)->checkState() == Qt::Checked)
            names << m_sensitiveList->item(i)->data(Qt::UserRole).toString();
    return names;
}

QStringList ClusteringLauncher::sensitiveAttributes() const
{
    if (m_source->currentData().toString() != QLatin1String("run"))
        return m_sensitive->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    // Until the run's attributes are read, the config keeps what it was given.
    return m_sensitiveList->count() > 0 || !m_datasetAttributes.isEmpty() ? checkedSensitive()
                                                                          : m_wantedSensitive;
}

void ClusteringLauncher::setStorePath(const QString &path)
{
    LauncherForm::setStorePath(path);
    refreshRuns();
}

void ClusteringLauncher::refreshRuns()
{
    const QString path = storePath();
    if (path.isEmpty())
        return;
    m_runsWatcher.waitForFinished();
    m_runsWatcher.setFuture(QtConcurrent::run([path] {
        RunStoreOptions o;
        o.create = false;
        o.recoverOnOpen = false;
        auto store = RunStore::open(path, o);
        if (!store)
            return QVector<RunRecord>();
        // Runs whose family keeps an image encoder can embed the data.
        RunFilter filter;
        filter.status = RunStatus::Finished;
        QVector<RunRecord> sources;
        for (const RunRecord &r : store.value()->runs(filter).value_or({}))
            if (const MethodFamily *family = FamilyRegistry::instance().family(r.family);
                family && family->hasImageEncoder())
                sources << r;
        return sources;
    }));
}

void ClusteringLauncher::methodChanged(const MethodInfo &method)
{
    for (QWidget *w : {static_cast<QWidget *>(m_epochs), static_cast<QWidget *>(m_batch),
                       static_cast<QWidget *>(m_learningRate), static_cast<QWidget *>(m_anchors)})
        w->setEnabled(method.trainsModel);
}

Expected<ClusteringConfig> ClusteringLauncher::parsedConfig() const
{
    // The method's defaults, then the form's fields and options as JSON keys.
    const QString method = currentMethod();
    const ClusteringMethod m =
        clusteringMethodFromName(method).value_or(ClusteringMethod::TransformerFair);
    QJsonObject j = ClusteringConfig::forMethod(m).toJson();
    const QJsonObject base = m_base.toJson();
    // Fields the form has no editor for come from the last setConfig().
    for (const char *key :
         {"knnMemoryMiB", "hnswLinks", "hnswBuildDepth", "ivfCells", "recallSample",
          "centerFeatures", "featureScratchMiB", "dropout", "weightDecay", "threads",
          "attentionAnchors", "groupBins", "kmeansIterations", "fromRunStore"})
        j.insert(QLatin1String(key), base.value(QLatin1String(key)));
    DatasetSpec spec;
    if (m_source->currentData().toString() == QLatin1String("files")) {
        spec.format = QStringLiteral("features");
        spec.path = m_features->text().trimmed();
        if (!m_labels->text().trimmed().isEmpty())
            spec.options.insert(QStringLiteral("labels"), m_labels->text().trimmed());
        if (!m_groups->text().trimmed().isEmpty())
            spec.options.insert(QStringLiteral("groups"), m_groups->text().trimmed());
        if (m_dim->value() > 0)
            spec.options.insert(QStringLiteral("dim"), m_dim->value());
        j.insert(QStringLiteral("fromRun"), QString());
    } else {
        j.insert(QStringLiteral("fromRun"), m_run->currentData().toString());
        j.insert(QStringLiteral("views"), m_views->value());
        j.insert(QStringLiteral("sampleSplit"), m_sampleSplit->currentText());
        j.insert(QStringLiteral("sampleLimit"), m_sampleLimit->value());
    }
    j.insert(QStringLiteral("dataset"), spec.toJson());
    j.insert(QStringLiteral("identity"), m_identity->text().trimmed());
    QStringList sensitive;
    for (const QString &name : sensitiveAttributes())
        sensitive << name.trimmed();
    j.insert(QStringLiteral("sensitive"), sensitive.join(QLatin1Char(',')));
    j.insert(QStringLiteral("subsampleGroup"), m_subsampleGroup->text().trimmed());
    j.insert(QStringLiteral("subsampleFraction"), m_subsampleFraction->value());
    j.insert(QStringLiteral("minGroupSize"), m_minGroupSize->value());
    j.insert(QStringLiteral("epochs"), m_epochs->value());
    j.insert(QStringLiteral("batchSize"), m_batch->value());
    j.insert(QStringLiteral("learningRate"), m_learningRate->value());
    j.insert(QStringLiteral("anchorsPerEpoch"), m_anchors->value());
    j.insert(QStringLiteral("seed"), QString::number(m_seed->value()));
    j.insert(QStringLiteral("device"), m_compute->device());
    j.insert(QStringLiteral("precision"), m_compute->precision());
    j.insert(QStringLiteral("valFraction"), m_valFraction->value());
    j.insert(QStringLiteral("testFraction"), m_testFraction->value());
    const QJsonObject options = optionJson();
    for (auto it = options.begin(); it != options.end(); ++it)
        j.insert(it.key(), it.value());
    j.insert(QStringLiteral("name"), m_name->text().trimmed().isEmpty()
                                         ? defaultRunName(quint64(m_seed->value()))
                                         : m_name->text().trimmed());
    return ClusteringConfig::fromJson(j);
}

ClusteringConfig ClusteringLauncher::config() const
{
    auto parsed = parsedConfig();
    if (parsed)
        return parsed.value();
    return ClusteringConfig::forMethod(
        clusteringMethodFromName(currentMethod()).value_or(ClusteringMethod::TransformerFair));
}

void ClusteringLauncher::setConfig(const ClusteringConfig &c)
{
    m_base = c;
    setMethod(clusteringMethodName(c.method));
    const bool fromRun = !c.fromRun.isEmpty();
    m_source->setCurrentIndex(fromRun ? 1 : 0);
    if (fromRun) {
        if (m_run->findData(c.fromRun) < 0)
            m_run->addItem(c.fromRun, c.fromRun);
        m_run->setCurrentIndex(m_run->findData(c.fromRun));
        m_views->setValue(c.views);
        m_sampleSplit->setCurrentText(c.sampleSplit);
        m_sampleLimit->setValue(int(c.sampleLimit));
    } else {
        m_features->setText(c.dataset.path);
        m_labels->setText(c.dataset.options.value(QStringLiteral("labels")).toString());
        m_groups->setText(c.dataset.options.value(QStringLiteral("groups")).toString());
        m_dim->setValue(c.dataset.options.value(QStringLiteral("dim")).toInt());
    }
    m_name->setText(c.name);
    m_identity->setText(c.identity);
    m_sensitive->setText(c.sensitive.join(QLatin1Char(',')));
    if (fromRun) {
        // A run config's sensitive attributes are checked in the list, or refused there when
        // the dataset lacks them; a feature-file config's ("group" = its groups file) are not.
        m_wantedSensitive = c.sensitive;
        m_attributesRun.clear(); // re-check the list against the dataset
        loadRunAttributes();
    }
    m_subsampleGroup->setText(c.subsampleGroup);
    m_subsampleFraction->setValue(c.subsampleFraction);
    m_minGroupSize->setValue(c.minGroupSize);
    m_epochs->setValue(c.epochs);
    m_batch->setValue(c.batchSize);
    m_learningRate->setValue(c.learningRate);
    m_anchors->setValue(int(c.anchorsPerEpoch));
    m_seed->setValue(int(c.seed));
    m_compute->setDevice(c.device);
    m_compute->setPrecision(c.precision);
    m_valFraction->setValue(c.valFraction);
    m_testFraction->setValue(c.testFraction);
    const QJsonObject j = c.toJson();
    setOptionValues([&j](const QString &key) { return j.value(key); });
    updateValidation();
}

QString ClusteringLauncher::setConfigJson(const QJsonObject &json)
{
    return setTypedConfigJson<ClusteringConfig>(this, json);
}

QStringList ClusteringLauncher::keysNotRemembered() const
{
    return {QStringLiteral("name")};
}

QString ClusteringLauncher::validationError() const
{
    if (const QString why = m_compute->unavailableReason(); !why.isEmpty())
        return why;
    if (m_source->currentData().toString() == QLatin1String("files")) {
        const QString path = m_features->text().trimmed();
        if (path.isEmpty())
            return tr("Choose a features file.");
        if (!QFileInfo::exists(path))
            return tr("%1: no such file").arg(path);
    } else if (m_run->currentData().toString().isEmpty()) {
        return tr("Choose a finished run whose encoder embeds the data.");
    } else if (!m_attributesError.isEmpty()) {
        return tr("The source run's dataset cannot be opened: %1").arg(m_attributesError);
    } else if (m_datasetAttributes.isEmpty()) {
        return tr("Reading the attributes of the source run's dataset…");
    } else {
        const QString known = m_datasetAttributes.join(QStringLiteral(", "));
        for (const QString &name : checkedSensitive())
            if (!m_datasetAttributes.contains(name))
                return tr("'%1' is not an attribute of the source run's dataset (it has: %2).")
                    .arg(name, known);
        if (m_views->value() == 1 && !m_datasetAttributes.contains(m_identity->text().trimmed()))
            return tr("Identity '%1' is not an attribute of the source run's dataset (it has: "
                      "%2).")
                .arg(m_identity->text().trimmed(), known);
    }
    auto parsed = parsedConfig();
    return parsed ? QString() : parsed.error().toString();
}

ClusteringJob *ClusteringLauncher::launch()
{
    // The clustering family's jobs.
    return static_cast<ClusteringJob *>(launchRun());
}

} // namespace equiscope
