import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import type { ReactNode } from "react";

export interface LayoutProps {
  preview: string;
  title: string;
  children: ReactNode;
  action?: { label: string; url: string };
  /** One-click unsubscribe page for this category; absent for mails that cannot be turned off. */
  unsubscribeUrl?: string;
  /** Where all the switches are. */
  preferencesUrl: string;
}

const main = { backgroundColor: "#ffffff", fontFamily: "system-ui,-apple-system,Segoe UI,Roboto,sans-serif" };
const container = { margin: "0 auto", padding: "24px", maxWidth: "560px", color: "#222222" };
const button = {
  backgroundColor: "#e0565b",
  color: "#ffffff",
  padding: "12px 20px",
  borderRadius: "6px",
  textDecoration: "none",
};
const footer = { fontSize: "12px", color: "#777777", lineHeight: "18px" };

/** Every notification mail: heading, body, one button, and the footer with the unsubscribe link. */
export function NotificationLayout(props: LayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={main}>
        <Container style={container}>
          <Heading as="h1" style={{ fontSize: "20px", margin: "0 0 16px" }}>
            {props.title}
          </Heading>
          {props.children}
          {props.action ? (
            <Section style={{ margin: "24px 0" }}>
              <Button href={props.action.url} style={button}>
                {props.action.label}
              </Button>
            </Section>
          ) : null}
          <Hr />
          <Text style={footer}>
            HomeTrip ·{" "}
            <Link href={props.preferencesUrl} style={{ color: "#777777" }}>
              Notification settings
            </Link>
            {props.unsubscribeUrl ? (
              <>
                {" · "}
                <Link href={props.unsubscribeUrl} style={{ color: "#777777" }}>
                  Unsubscribe from these e-mails
                </Link>
              </>
            ) : null}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
