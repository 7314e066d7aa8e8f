import { Field, Int, ObjectType } from 'type-graphql';
import { MoneyObject } from '../../shared/money';
import { SuppressionReason } from '../../observatory';

@ObjectType({ description: 'Loans whose contract the Fund signed in the year with borrowers in the area.' })
export class FundLoansGranted {
  @Field(() => Int, { nullable: true, description: 'Number of loans; null when not published (see suppressed).' })
  loans!: number | null;

  @Field(() => Int, { nullable: true, description: 'Number of borrowers (a borrower with two loans counts once); null when not published.' })
  borrowers!: number | null;

  @Field(() => MoneyObject, { nullable: true, description: 'Principal lent under those contracts; null when not published.' })
  amount!: MoneyObject | null;

  @Field({ description: 'True when the figures are withheld to protect individual borrowers (statistical confidentiality).' })
  suppressed!: boolean;

  @Field(() => SuppressionReason, { nullable: true, description: 'Why the figures are withheld: fewer than 3 borrowers, one borrower dominating, or to protect another withheld figure.' })
  suppressionReason!: SuppressionReason | null;
}

@ObjectType({ description: 'The Fund’s loans outstanding in the area at the latest close of business, and how they are being repaid.' })
export class FundLoansOutstanding {
  @Field({ description: 'Business date of the latest close of business these figures come from (YYYY-MM-DD).' })
  asOf!: string;

  @Field(() => Int, { nullable: true, description: 'Number of loans being repaid; null when not published.' })
  loans!: number | null;

  @Field(() => MoneyObject, { nullable: true, description: 'Principal still to be repaid; null when not published.' })
  principal!: MoneyObject | null;

  @Field(() => Number, { nullable: true, description: 'Portfolio at risk over 30 days: share (0–1) of the outstanding principal on loans more than 30 days late.' })
  par30Share!: number | null;

  @Field(() => Number, { nullable: true, description: 'Portfolio at risk over 90 days: share (0–1) of the outstanding principal on loans more than 90 days late.' })
  par90Share!: number | null;

  @Field({ description: 'True when the figures are withheld to protect individual borrowers.' })
  suppressed!: boolean;

  @Field(() => SuppressionReason, { nullable: true, description: 'Why the figures are withheld.' })
  suppressionReason!: SuppressionReason | null;
}

@ObjectType({ description: 'Guarantees the Fund’s guarantee fund issued in the year on partner lenders’ loans (e.g. a cooperative bank’s) to borrowers in the area. Only borrowers who are clients of the Fund have an area; a borrower known only by name counts in the figures for Poland alone. Cancelled guarantees (issued by mistake) are left out.' })
export class FundGuaranteesIssued {
  @Field(() => Int, { nullable: true, description: 'Number of guarantees issued; null when not published (see suppressed).' })
  guarantees!: number | null;

  @Field(() => Int, { nullable: true, description: 'Number of borrowers whose loans were guaranteed (a borrower with two guarantees counts once); null when not published.' })
  borrowers!: number | null;

  @Field(() => MoneyObject, { nullable: true, description: 'Amount guaranteed: what the guarantees covered on the day they were issued (the product’s share of the loan, up to its cap); null when not published.' })
  amount!: MoneyObject | null;

  @Field({ description: 'True when the figures are withheld to protect individual borrowers (statistical confidentiality).' })
  suppressed!: boolean;

  @Field(() => SuppressionReason, { nullable: true, description: 'Why the figures are withheld: fewer than 3 borrowers, one borrower dominating, or to protect another withheld figure.' })
  suppressionReason!: SuppressionReason | null;
}

@ObjectType({ description: 'A count and an amount about the Fund’s clients in the area in the year (write-offs, jobs, guarantee calls paid).' })
export class FundPortfolioFigure {
  @Field(() => Int, { nullable: true, description: 'The count (loans written off, jobs created, or guarantee calls paid); null when not published.' })
  count!: number | null;

  @Field(() => MoneyObject, { nullable: true, description: 'The amount, where the figure has one (principal written off, or paid out on guarantee calls); null otherwise or when not published.' })
  amount!: MoneyObject | null;

  @Field({ description: 'True when the figure is withheld to protect individual clients.' })
  suppressed!: boolean;

  @Field(() => SuppressionReason, { nullable: true, description: 'Why the figure is withheld.' })
  suppressionReason!: SuppressionReason | null;
}

@ObjectType({ description: 'Public statistics of the social economy Fund (loans, repayment, write-offs, jobs, guarantees) for a territorial unit and year, under the Observatory’s disclosure control: no figure reveals an individual borrower.' })
export class FundPortfolio {
  @Field({ description: 'TERYT code of the territorial unit, or PL.' })
  terytCode!: string;

  @Field(() => Int, { description: 'The calendar year of the flows (loans granted, write-offs, jobs, guarantees issued and calls paid).' })
  year!: number;

  @Field(() => FundLoansGranted, { description: 'Loans granted in the year.' })
  granted!: FundLoansGranted;

  @Field(() => FundLoansOutstanding, { nullable: true, description: 'The portfolio at the latest close of business; null for years before it, or before the first close.' })
  outstanding!: FundLoansOutstanding | null;

  @Field(() => FundPortfolioFigure, { description: 'Loans written off in the year: count and principal written off.' })
  writtenOff!: FundPortfolioFigure;

  @Field(() => FundPortfolioFigure, { description: 'Jobs created in the year by the Fund’s clients, as recorded by advisors.' })
  jobsCreated!: FundPortfolioFigure;

  @Field(() => FundGuaranteesIssued, { description: 'Guarantees issued in the year on partner lenders’ loans to borrowers in the area.' })
  guarantees!: FundGuaranteesIssued;

  @Field(() => FundPortfolioFigure, { description: 'Guarantee calls the guarantee fund paid out in the year (to partner lenders, after their borrowers in the area defaulted): count and amount paid, whatever the year the guarantee was issued.' })
  guaranteeCallsPaid!: FundPortfolioFigure;

  @Field({ description: 'How to cite these figures.' })
  citation!: string;
}
