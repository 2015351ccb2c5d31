import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Requires } from '../../identity/identity.decorators.js';
import type { Caller } from '../../identity/identity.types.js';
import { ClientBalanceService } from './client-balance.service.js';
import { ClientBalanceResponseDto } from './invoices.dto.js';

/** A client's money, from billing: what it owes, what is overdue, what it paid. */
@ApiTags('invoices')
@Controller('clients')
export class ClientBalanceController {
  constructor(private readonly balances: ClientBalanceService) {}

  @Get(':id/balance')
  @Requires('invoices:read')
  @ApiOperation({
    summary: 'A client’s balance, per currency',
    description:
      'Outstanding (issued, not paid in full), overdue (of that, past the due date), paid (every payment ' +
      'received) and counts, over the invoices of your branches. 404 for a client you cannot see.',
  })
  @ApiOkResponse({ type: ClientBalanceResponseDto })
  getClientBalance(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ClientBalanceResponseDto> {
    return this.balances.balance(caller, id);
  }
}
