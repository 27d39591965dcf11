#include "launch/launcherform.h"

#include "common/formfields.h"
#include "launch/launchersettings.h"
#include "launch/methodregistry.h"
#include "launch/runplacechoice.h"

#include "families/familyregistry.h"
#include "jobs/jobqueue.h"
#include "jobs/runjob.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <cmath>
#include <memory>

namespace equiscope {

LauncherForm::LauncherForm(RunFamily family, JobQueue *queue, QWidget *parent)
    : QWidget(parent), m_family(family), m_queue(queue)
{
}

void LauncherForm::setUpPage(QWidget *content, QComboBox *method, QLabel *description,
                             QFormLayout *options, const QString &launchText,
                             const QString &launchName, const QList<QPushButton *> &extraButtons)
{
    m_method = method;
    m_description = description;
    m_optionsForm = options;
    m_enabledWhenValid = extraButtons;
    for (const MethodInfo &m : MethodRegistry::instance().methodsOf(m_family))
        m_method->addItem(m.title, m.name);

    m_error = new QLabel;
    m_error->setWordWrap(true);
    m_error->setAccessibleName(tr("Validation message"));
    QFont bold = m_error->font();
    bold.setBold(true);
    m_error->setFont(bold);
    m_launch = new QPushButton(launchText);
    m_launch->setAccessibleName(launchName);
    m_launch->setDefault(true);
    m_estimate = new QPushButton(tr("Estimate time"));
    m_estimate->setAccessibleName(tr("Estimate time"));
    m_estimate->setToolTip(tr("Estimate how long the run takes on this machine, stage by stage: "
                              "from the store's past runs like it, or by timing a few steps."));
    m_enabledWhenValid.prepend(m_estimate);
    m_cost = new QLabel;
    m_cost->setWordWrap(true);
    m_cost->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cost->setAccessibleName(tr("Estimated time"));
    m_cost->hide(); // until the first estimate
    m_runPlace = new RunPlaceChoice;
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_error, 1);
    buttons->addWidget(m_estimate);
    for (QPushButton *b : extraButtons)
        buttons->addWidget(b);
    buttons->addWidget(m_launch);

    auto *scroll = new QScrollArea;
    scroll->setFocusPolicy(Qt::NoFocus); // a Tab stop without a name; it follows the focus
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_cost);
    layout->addWidget(m_runPlace);
    layout->addLayout(buttons);

    connect(m_method, &QComboBox::currentIndexChanged, this, [this] {
        rebuildOptions();
        updateValidation();
    });
    connect(m_launch, &QPushButton::clicked, this, [this] {
        if (m_runPlace->inWorkbench())
            launchRun();
        else
            launchExternal();
    });
    connect(m_runPlace, &RunPlaceChoice::changed, this, &LauncherForm::updateValidation);
    connect(m_estimate, &QPushButton::clicked, this, &LauncherForm::estimateCost);
    connect(&m_costWatcher, &QFutureWatcherBase::finished, this, &LauncherForm::showCost);
}

LauncherForm::~LauncherForm()
{
    m_costCancel->store(true);
    m_costWatcher.waitForFinished();
}

void LauncherForm::estimateCost()
{
    if (m_costWatcher.isRunning())
        return;
    m_cost->show();
    if (const QString error = validationError(); !error.isEmpty()) {
        m_cost->setText(tr("Cannot estimate: %1").arg(error));
        Q_EMIT estimateShown();
        return;
    }
    const MethodFamily *family = FamilyRegistry::instance().family(m_family);
    m_estimate->setEnabled(false);
    m_cost->setText(tr("Estimating…"));
    const QJsonObject config = configJson();
    const QString store = storePath();
    const std::shared_ptr<std::atomic<bool>> cancel = m_costCancel;
    // Off the GUI thread: it opens the input and may time a few steps.
    m_costWatcher.setFuture(QtConcurrent::run(
        [family, config, store, cancel] { return family->estimateCost(config, store, *cancel); }));
}

QString LauncherForm::stageTitle(const QString &stage)
{
    static const QHash<QString, const char *> titles{
        {QStringLiteral("train"), QT_TR_NOOP("training")},
        {QStringLiteral("embed"), QT_TR_NOOP("SimCLR embedding")},
        {QStringLiteral("dedup"), QT_TR_NOOP("deduplication")},
        {QStringLiteral("retrieve"), QT_TR_NOOP("retrieval")},
        {QStringLiteral("quality"), QT_TR_NOOP("quality filter")},
        {QStringLiteral("pseudo-label"), QT_TR_NOOP("pseudo-labels")},
        {QStringLiteral("classifier"), QT_TR_NOOP("classifier")},
        {QStringLiteral("input"), QT_TR_NOOP("input")},
        {QStringLiteral("kNN graph"), QT_TR_NOOP("kNN graph")},
        {QStringLiteral("inference and evaluation"), QT_TR_NOOP("inference and evaluation")}};
    const char *title = titles.value(stage);
    return title ? tr(title) : stage;
}

void LauncherForm::showCost()
{
    m_estimate->setEnabled(validationError().isEmpty());
    const auto cost = m_costWatcher.result();
    if (!cost) {
        m_cost->setText(tr("Cannot estimate: %1").arg(cost.error().toString()));
        Q_EMIT estimateShown();
        return;
    }
    const QLocale locale;
    auto duration = [&](double minutes) {
        return minutes < 1 ? tr("%1 s").arg(locale.toString(std::ceil(minutes * 60), 'f', 0))
                           : tr("%1 min").arg(locale.toString(minutes, 'f', minutes < 10 ? 1 : 0));
    };
    auto unit = [](const QString &u) {
        return u == QLatin1String("rows")      ? tr("rows")
               : u == QLatin1String("anchors") ? tr("anchors")
                                               : tr("images");
    };
    QStringList lines;
    lines << (cost->complete() ? tr("≈ %1 on this machine").arg(duration(cost->minutes()))
                               : tr("At least %1 on this machine (stages without an estimate are "
                                    "not counted)")
                                     .arg(duration(cost->minutes())));
    for (const CostStage &s : cost->stages) {
        if (!s.estimated())
            continue;
        QString line =
            s.epochs > 0 && s.stepsPerEpoch > 0
                ? tr("%1: ≈ %2 for %3 epochs × %4 steps (%5 %6)")
                      .arg(stageTitle(s.name), duration(s.minutes))
                      .arg(s.epochs)
                      .arg(locale.toString(s.stepsPerEpoch), locale.toString(s.items), unit(s.unit))
                : tr("%1: ≈ %2 for %3 %4")
                      .arg(stageTitle(s.name), duration(s.minutes), locale.toString(s.items),
                           unit(s.unit));
        if (s.itemsPerSecond > 0)
            line += tr(" at %1 %2/s").arg(locale.toString(s.itemsPerSecond, 'f', 0), unit(s.unit));
        lines << line + QStringLiteral(" (%1)").arg(s.basis);
    }
    const QString text = lines.join(QLatin1Char('\n'));
    m_cost->setText(cost->longerThanAnHour()
                        ? tr("⚠ Longer than an hour on this machine (CPU): %1").arg(text)
                        : text);
    Q_EMIT estimateShown();
}

QString LauncherForm::currentMethod() const
{
    return m_method->currentData().toString();
}

const MethodInfo *LauncherForm::currentMethodInfo() const
{
    return MethodRegistry::instance().method(currentMethod());
}

bool LauncherForm::setMethod(const QString &name)
{
    const int index = m_method->findData(name);
    if (index < 0)
        return false;
    m_method->setCurrentIndex(index); // rebuilds the options when it changes
    updateValidation();
    return true;
}

QJsonValue LauncherForm::optionValue(const QString &key) const
{
    Q_UNUSED(key);
    return QJsonValue(QJsonValue::Undefined);
}

void LauncherForm::rebuildOptions()
{
    while (m_optionsForm->rowCount() > 0)
        m_optionsForm->removeRow(0);
    m_optionEditors.clear();
    m_editorOrder.clear();
    const MethodInfo *info = currentMethodInfo();
    if (!info)
        return;
    m_description->setText(info->description);
    for (const MethodOption &option : info->options) {
        const QJsonValue value = optionValue(option.key);
        QWidget *editor = nullptr;
        // Every editor re-validates the form: a value can make the run invalid.
        switch (option.kind) {
        case MethodOption::Kind::Real: {
            auto *box = realBox(option.minimum, option.maximum,
                                value.toDouble(option.defaultValue.toDouble()), option.decimals,
                                option.label, option.toolTip);
            connect(box, &QDoubleSpinBox::valueChanged, this, &LauncherForm::updateValidation);
            editor = box;
            break;
        }
        case MethodOption::Kind::Integer: {
            auto *box =
                spinBox(int(option.minimum), int(option.maximum),
                        value.toInt(option.defaultValue.toInt()), option.label, option.toolTip);
            connect(box, &QSpinBox::valueChanged, this, &LauncherForm::updateValidation);
            editor = box;
            break;
        }
        case MethodOption::Kind::Choice: {
            auto *box = new QComboBox;
            box->addItems(option.choices);
            box->setCurrentText(value.toString(option.defaultValue.toString()));
            connect(box, &QComboBox::currentIndexChanged, this, &LauncherForm::updateValidation);
            editor = box;
            break;
        }
        case MethodOption::Kind::Flag: {
            auto *box = new QCheckBox;
            box->setChecked(value.toBool(option.defaultValue.toBool()));
            connect(box, &QCheckBox::toggled, this, &LauncherForm::updateValidation);
            editor = box;
            break;
        }
        }
        editor->setToolTip(option.toolTip);
        editor->setAccessibleName(option.label);
        editor->setObjectName(option.key);
        //: A form label made from an option's name (French puts a space before the colon).
        m_optionsForm->addRow(tr("%1:").arg(option.label), editor);
        m_optionEditors.insert(option.key, editor);
        m_editorOrder.append({option.key, editor});
        // New editors join the end of the focus chain: keep the buttons under the form last.
        QWidget *last = editor;
        for (QPushButton *w : m_enabledWhenValid) {
            QWidget::setTabOrder(last, w);
            last = w;
        }
        QWidget::setTabOrder(last, m_launch);
    }
    methodChanged(*info);
}

QList<QPair<QString, QString>> LauncherForm::optionTexts() const
{
    QList<QPair<QString, QString>> texts;
    for (const auto &[key, editor] : m_editorOrder) {
        QString text;
        if (auto *d = qobject_cast<QDoubleSpinBox *>(editor))
            text = QString::number(d->value(), 'g', 10);
        else if (auto *s = qobject_cast<QSpinBox *>(editor))
            text = QString::number(s->value());
        else if (auto *b = qobject_cast<QComboBox *>(editor))
            text = b->currentText();
        else if (auto *f = qobject_cast<QCheckBox *>(editor))
            text = f->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
        texts.append({key, text});
    }
    return texts;
}

QJsonObject LauncherForm::optionJson() const
{
    QJsonObject json;
    for (const auto &[key, editor] : m_editorOrder) {
        if (auto *d = qobject_cast<QDoubleSpinBox *>(editor))
            json.insert(key, d->value());
        else if (auto *s = qobject_cast<QSpinBox *>(editor))
            json.insert(key, s->value());
        else if (auto *b = qobject_cast<QComboBox *>(editor))
            json.insert(key, b->currentText());
        else if (auto *f = qobject_cast<QCheckBox *>(editor))
            json.insert(key, f->isChecked());
    }
    return json;
}

void LauncherForm::setOptionValues(const std::function<QJsonValue(const QString &)> &valueOf)
{
    for (const auto &[key, editor] : m_editorOrder) {
        const QJsonValue v = valueOf(key);
        if (v.isUndefined())
            continue;
        if (auto *d = qobject_cast<QDoubleSpinBox *>(editor))
            d->setValue(v.toDouble(d->value()));
        else if (auto *s = qobject_cast<QSpinBox *>(editor))
            s->setValue(v.toInt(s->value()));
        else if (auto *b = qobject_cast<QComboBox *>(editor))
            b->setCurrentText(v.toString(b->currentText()));
        else if (auto *f = qobject_cast<QCheckBox *>(editor))
            f->setChecked(v.toBool(f->isChecked()));
    }
}

void LauncherForm::updateValidation()
{
    if (!m_error || !m_launch)
        return; // still being built
    QString error = validationError();
    if (error.isEmpty() && m_runPlace && !m_runPlace->inWorkbench())
        error = externalRunError();
    m_error->setText(error.isEmpty() ? QString() : tr("⚠ %1").arg(error));
    m_launch->setEnabled(error.isEmpty());
    for (QPushButton *w : m_enabledWhenValid)
        w->setEnabled(error.isEmpty());
}

QString LauncherForm::targetIsSensitiveText(const QString &target)
{
    return tr("The target '%1' cannot also be a sensitive attribute: every group metric would "
              "compare a class with itself.")
        .arg(target);
}

QString LauncherForm::defaultRunName(quint64 seed) const
{
    return tr("%1 · seed %2").arg(m_method->currentText()).arg(seed);
}

RunJob *LauncherForm::launchRun()
{
    if (!validationError().isEmpty())
        return nullptr;
    RunJob *job = enqueueJson({configJson()}).value(0);
    if (job) // the values of the last launch come back after a crash too
        LauncherSettings().rememberConfig(FamilyRegistry::instance().family(m_family)->name(),
                                          rememberedJson());
    return job;
}

QString LauncherForm::externalRunError() const
{
    if (const QString error = m_runPlace->validationError(); !error.isEmpty())
        return error;
    const ExternalRun::Request request = m_runPlace->request();
    const bool parallel = request.place == ExternalRun::Place::LocalProcesses || request.nodes > 1;
    if (!parallel)
        return {};
    // The family's job says whether this method trains data-parallel (its execute() would
    // refuse the ranks by name otherwise).
    auto job = FamilyRegistry::instance().family(m_family)->createJob(configJson(), QString());
    if (!job)
        return job.error().toString();
    std::unique_ptr<RunJob> probe(job.value());
    if (!probe->supportsDataParallel())
        return tr("%1 trains in one process: run it in this workbench or as a one-node Slurm "
                  "job.")
            .arg(m_method->currentText());
    return {};
}

ExternalRun *LauncherForm::launchExternal()
{
    if (!validationError().isEmpty() || !externalRunError().isEmpty())
        return nullptr;
    // Next to the store, where a cluster's shared home also holds it: one folder per run.
    const QString folder = QFileInfo(m_storePath)
                               .dir()
                               .filePath(QStringLiteral("external-runs/%1")
                                             .arg(QDateTime::currentDateTime().toString(
                                                 QStringLiteral("yyyyMMdd-HHmmss-zzz"))));
    QString error;
    ExternalRun *run =
        ExternalRun::start(configJson(), m_runPlace->request(), folder, m_storePath, &error);
    if (!run) {
        m_error->setText(tr("⚠ %1").arg(error));
        return nullptr;
    }
    LauncherSettings().rememberConfig(FamilyRegistry::instance().family(m_family)->name(),
                                      rememberedJson());
    Q_EMIT externalRunStarted(run);
    return run;
}

QStringList LauncherForm::keysNotRemembered() const
{
    return {QStringLiteral("name"), QStringLiteral("dataset")};
}

QJsonObject LauncherForm::rememberedJson() const
{
    QJsonObject json = configJson();
    for (const QString &key : keysNotRemembered())
        json.remove(key);
    return json;
}

QString LauncherForm::restoreRemembered(const QJsonObject &remembered)
{
    QJsonObject merged = configJson();
    const QStringList skipped = keysNotRemembered();
    for (auto it = remembered.begin(); it != remembered.end(); ++it)
        if (!skipped.contains(it.key()))
            merged.insert(it.key(), it.value());
    merged.insert(QStringLiteral("name"), QString()); // the default name follows method and seed
    return setConfigJson(merged);
}

QList<RunJob *> LauncherForm::enqueueJson(const QList<QJsonObject> &configs, QString *error)
{
    QList<RunJob *> jobs;
    const MethodFamily *family = FamilyRegistry::instance().family(m_family);
    for (const QJsonObject &config : configs) {
        auto job = family->createJob(config, m_storePath);
        if (!job) {
            if (error)
                *error = job.error().toString();
            break;
        }
        Q_EMIT jobCreated(job.value());
        m_queue->enqueue(job.value());
        jobs.append(job.value());
    }
    return jobs;
}

} // namespace equiscope
