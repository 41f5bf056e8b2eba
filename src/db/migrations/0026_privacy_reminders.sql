CREATE TABLE "privacy_reminders" (
	"day" date PRIMARY KEY NOT NULL,
	"recipients" integer NOT NULL,
	"requests" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
