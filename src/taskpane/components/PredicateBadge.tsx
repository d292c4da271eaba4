import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { Tone } from "./predicate-color";

const useStyles = makeStyles({
  badge: {
    display: "inline-block",
    justifySelf: "start",
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  success: {
    backgroundColor: tokens.colorPaletteGreenBackground2,
    color: tokens.colorPaletteGreenForeground2,
  },
  warning: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorNeutralForeground1,
  },
  danger: {
    backgroundColor: tokens.colorPaletteRedBackground2,
    color: tokens.colorPaletteRedForeground2,
  },
  informative: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
  },
});

/** A small coloured label for a predicate (a light badge: Fluent's Badge costs more bundle than it gives here). */
export function PredicateBadge({ tone, children }: { tone: Tone; children: ReactNode }) {
  const styles = useStyles();
  return <span className={mergeClasses(styles.badge, styles[tone])}>{children}</span>;
}
