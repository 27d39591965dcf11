#include "attributecsvfixture.h"

#include "fixtures.h"

#include <QStringList>

namespace fixtures {

QString attributeCsvLabel(int i)
{
    return i % 2 ? QStringLiteral("shoe") : QStringLiteral("shirt");
}

QString attributeCsvGender(int i)
{
    return i < 50 ? QStringLiteral("F") : QStringLiteral("M");
}

QString attributeCsvZip(int i)
{
    return i < 70 ? QStringLiteral("10") : i < 77 ? QStringLiteral("20") : QStringLiteral("30");
}

QString writeAttributeCsvFixture(const QString &root, bool missingImage)
{
    QStringList lines{QStringLiteral("file,label,gender,zip,age,skin,site")};
    for (int i = 0; i < kAttributeCsvRows; ++i) {
        const QString file = QStringLiteral("images/img_%1.png").arg(i, 2, 10, QLatin1Char('0'));
        if (!(missingImage && i == 5))
            writeSyntheticImage(root + QLatin1Char('/') + file, 16, 16, unsigned(i + 1));
        lines << QStringLiteral("%1,%2,%3,%4,%5,%6;%7;100,A")
                     .arg(file, attributeCsvLabel(i), attributeCsvGender(i), attributeCsvZip(i))
                     .arg(i)
                     .arg(3 * i)
                     .arg(255 - 3 * i);
    }
    const QString csv = root + QStringLiteral("/attributes.csv");
    writeFile(csv, (lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
    return csv;
}

} // namespace fixtures
